{{/*
Names, labels, images and the per-service values. Object names: <fullname>-<component>, e.g. pledge-case-service.
*/}}

{{- define "pledge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pledge.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "pledge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The components, in a fixed order: values key -> component (application) name. */}}
{{- define "pledge.components" -}}
case: case-service
feedback: feedback-service
notification: notification-service
guarantee: guarantee-service
console: console
{{- end -}}

{{/* Standard labels of every object (Bitnami's set). */}}
{{- define "pledge.labels.standard" -}}
app.kubernetes.io/name: {{ include "pledge.name" . }}
helm.sh/chart: {{ include "pledge.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: pledge
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of one component's objects. Takes (dict "root" $ "component" "case-service"). */}}
{{- define "pledge.labels" -}}
{{ include "pledge.labels.standard" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The selector of one component's pods (never changes between upgrades). */}}
{{- define "pledge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pledge.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "pledge.objectName" -}}
{{- printf "%s-%s" (include "pledge.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Deep merge: the keys of "over" win over "base"; maps are merged key by key, anything else (lists, scalars, false, 0,
"") replaces. Unlike sprig's mergeOverwrite, a service's false or 0 does win over a shared true or 2.
*/}}
{{- define "pledge.deepMerge" -}}
{{- $out := deepCopy .base -}}
{{- range $k, $v := .over -}}
{{- $b := get $out $k -}}
{{- if and (kindIs "map" $v) (kindIs "map" $b) -}}
{{- $_ := set $out $k (include "pledge.deepMerge" (dict "base" $b "over" $v) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* One service's values: the shared defaults with services.<key> merged over them. Takes (dict "root" $ "key" "case"). */}}
{{- define "pledge.serviceValues" -}}
{{- include "pledge.deepMerge" (dict "base" .root.Values.defaults "over" (get .root.Values.services .key)) -}}
{{- end -}}

{{/* The image of one service: the digest wins over the tag. Takes (dict "root" $ "svc" $svc). */}}
{{- define "pledge.image" -}}
{{- $img := mergeOverwrite (deepCopy .root.Values.image) (.svc.image | default dict) -}}
{{- $repo := required "image.repository: each service needs one (services.<name>.image.repository)" $img.repository -}}
{{- $ref := $repo -}}
{{- if $img.registry -}}{{- $ref = printf "%s/%s" $img.registry $repo -}}{{- end -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $ref $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (toString (default .root.Chart.AppVersion $img.tag)) -}}
{{- end -}}
{{- end -}}

{{- define "pledge.pullPolicy" -}}
{{- $img := mergeOverwrite (deepCopy .root.Values.image) (.svc.image | default dict) -}}
{{- $img.pullPolicy -}}
{{- end -}}

{{- define "pledge.serviceAccountName" -}}
{{- if .svc.serviceAccount.create -}}
{{- default (include "pledge.objectName" .) .svc.serviceAccount.name -}}
{{- else -}}
{{- default "default" .svc.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The four back-end services (not the console). */}}
{{- define "pledge.isBackend" -}}
{{- if ne .key "console" }}true{{ end -}}
{{- end -}}
