{{/* The release's base name, at most 63 characters (a DNS label). */}}
{{- define "adwatch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "adwatch.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one role (web or worker): call with (dict "root" $ "role" "web"). */}}
{{- define "adwatch.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .role }}
{{- end -}}

{{- define "adwatch.databaseSecret" -}}
{{- if .Values.database.existingSecret -}}
{{- .Values.database.existingSecret -}}
{{- else if .Values.database.connectionString -}}
{{- printf "%s-database" (include "adwatch.fullname" .) -}}
{{- else -}}
{{- fail "set database.existingSecret (the name of a Secret holding the Npgsql connection string) or, for a trial, database.connectionString" -}}
{{- end -}}
{{- end -}}

{{- define "adwatch.claimName" -}}
{{- .Values.persistence.existingClaim | default (printf "%s-data" (include "adwatch.fullname" .)) -}}
{{- end -}}

{{/*
The pod spec both roles share: call with (dict "root" $ "role" "web"|"worker" "resources" ...).
A worker listens only for the health probes; the web role serves the dashboard.
*/}}
{{- define "adwatch.podSpec" -}}
{{- $root := .root -}}
automountServiceAccountToken: false
enableServiceLinks: false
{{- with $root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml $root.Values.podSecurityContext | nindent 2 }}
containers:
  - name: adwatch
    image: "{{ $root.Values.image.repository }}:{{ $root.Values.image.tag | default $root.Chart.AppVersion }}"
    imagePullPolicy: {{ $root.Values.image.pullPolicy }}
    args: ["serve", "--role", {{ .role | quote }}]
    ports:
      - name: http
        containerPort: 8080
        protocol: TCP
    env:
      - name: ASPNETCORE_URLS
        value: "http://+:8080"
      - name: HOME
        value: /tmp
      - name: ADWATCH__Storage__Provider
        value: postgres
      - name: ADWATCH__Storage__ConnectionString
        valueFrom:
          secretKeyRef:
            name: {{ include "adwatch.databaseSecret" $root }}
            key: {{ $root.Values.database.existingSecretKey }}
      - name: ADWATCH__Dashboard__KeysPath
        value: /var/lib/adwatch/keys
      - name: ADWATCH__Browser__Sandbox
        value: {{ $root.Values.browserSandbox | quote }}
      {{- range $i, $network := $root.Values.knownNetworks }}
      - name: ADWATCH__Dashboard__KnownNetworks__{{ $i }}
        value: {{ $network | quote }}
      {{- end }}
      {{- range $name, $value := $root.Values.env }}
      - name: {{ $name }}
        value: {{ $value | toString | quote }}
      {{- end }}
    {{- with $root.Values.envFrom }}
    envFrom:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    startupProbe:
      # Migrations run at start (one process at a time, under an advisory lock): give them a few minutes.
      httpGet: { path: /health/live, port: http }
      periodSeconds: 5
      failureThreshold: 60
    livenessProbe:
      httpGet: { path: /health/live, port: http }
      periodSeconds: 20
      timeoutSeconds: 5
      failureThreshold: 3
    readinessProbe:
      httpGet: { path: /health/ready, port: http }
      periodSeconds: 10
      timeoutSeconds: 5
      failureThreshold: 3
    resources:
      {{- toYaml .resources | nindent 6 }}
    securityContext:
      {{- toYaml $root.Values.securityContext | nindent 6 }}
    volumeMounts:
      - name: data
        mountPath: /var/lib/adwatch/keys
        subPath: keys
      - name: data
        mountPath: /var/lib/adwatch/data
        subPath: data
      - name: tmp
        mountPath: /tmp
volumes:
  - name: data
    persistentVolumeClaim:
      claimName: {{ include "adwatch.claimName" $root }}
  - name: tmp
    emptyDir:
      sizeLimit: {{ $root.Values.tmpSizeLimit }}
{{- with $root.Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
