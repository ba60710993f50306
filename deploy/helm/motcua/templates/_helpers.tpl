{{- define "motcua.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "motcua.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "motcua.secretName" -}}
{{- default (printf "%s-secrets" (include "motcua.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "motcua.storeSecretName" -}}
{{- default (include "motcua.secretName" .) .Values.store.existingSecret -}}
{{- end -}}

{{/* The environment every MotCua process shares: Temporal, the store, the secrets, the settings. */}}
{{- define "motcua.env" -}}
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: MOTCUA_TEMPORAL_CONFIG
  value: /etc/motcua/temporal.yaml
- name: MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ include "motcua.storeSecretName" . }}
      key: mongodb-uri
- name: MOTCUA_TOKEN_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "motcua.secretName" . }}
      key: token-secret
- name: MOTCUA_PAYMENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "motcua.secretName" . }}
      key: payment-secret
      optional: true
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
