import { createApp } from 'vue';
import { createWebHistory } from 'vue-router';
import App from './App.vue';
import { createAppI18n } from './i18n/i18n.js';
import { createAppRouter } from './router/router.js';
import { createSession } from './session/session.js';
import { sessionKey } from './session/use-session.js';
import './styles/app.css';

const session = createSession();
const i18n = createAppI18n();
document.documentElement.lang = i18n.global.locale.value;

createApp(App).provide(sessionKey, session).use(i18n).use(createAppRouter(createWebHistory(), session)).mount('#app');
