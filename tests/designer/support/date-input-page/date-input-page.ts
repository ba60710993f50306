/** A step's form with a date field, as the task page renders it, and the value the form would send (#model). */
import { createApp, defineComponent, h, ref } from 'vue';
import FormFields from '../../../../designer/src/tasks/FormFields.vue';
import { createAppI18n } from '../../../../designer/src/i18n/i18n.js';
import type { FormInput } from '../../../../designer/src/tasks/form-values.js';

const Page = defineComponent(() => {
  const input = ref<FormInput>({ newAppointment: '2026-12-03' });
  const fields = [{ key: 'newAppointment', label: 'Ngày hẹn trả mới', type: 'date' as const, required: true }];
  return () => [
    h(FormFields, { fields, errors: {}, modelValue: input.value, 'onUpdate:modelValue': (value: FormInput) => (input.value = value) }),
    h('output', { id: 'model' }, String(input.value.newAppointment ?? '')),
  ];
});

createApp(Page).use(createAppI18n()).mount('#app');
