{{/*
The non-secret Spring configuration of one service (its ConfigMap's application.yaml, read through
SPRING_CONFIG_ADDITIONAL_LOCATION over the service's own application.yml). Secrets are environment variables from
secretKeyRef (deployment.yaml). Takes (dict "root" $ "key" "case" "component" "case-service" "svc" $svc).
*/}}
{{- define "pledge.springConfig" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $base := "" -}}
{{- if eq .key "console" -}}
{{- $oidc := $svc.oidc -}}
{{- $base = include "pledge.springConfig.console" . -}}
{{- else -}}
{{- $base = include "pledge.springConfig.backend" . -}}
{{- end -}}
{{- include "pledge.deepMerge" (dict "base" ($base | fromYaml) "over" ($svc.config | default dict)) -}}
{{- end -}}

{{- define "pledge.springConfig.backend" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $kafka := required "kafka.bootstrapServers is required: the Kafka bootstrap servers (host:port[,host:port])" $root.Values.kafka.bootstrapServers -}}
server:
  port: 8080
spring:
  kafka:
    bootstrap-servers: {{ $kafka | quote }}
  cloud:
    stream:
      kafka:
        binder:
          brokers: {{ $kafka | quote }}
{{- if eq .key "notification" }}
  mail:
    host: {{ required "services.notification.smtp.host is required: the SMTP relay" $svc.smtp.host | quote }}
    port: {{ $svc.smtp.port }}
    properties:
      "[mail.smtp.auth]": {{ ternary "true" "false" (not (empty $svc.smtp.existingSecret)) | quote }}
      "[mail.smtp.starttls.enable]": {{ $svc.smtp.starttls | toString | quote }}
      "[mail.smtp.starttls.required]": {{ $svc.smtp.starttls | toString | quote }}
{{- end }}
{{- if $svc.processors }}
axon:
  eventhandling:
    processors:
      {{- range $group, $p := $svc.processors }}
      {{ $group }}:
        {{- if hasKey $p "initialSegmentCount" }}
        initial-segment-count: {{ $p.initialSegmentCount }}
        {{- end }}
        {{- if hasKey $p "batchSize" }}
        batch-size: {{ $p.batchSize }}
        {{- end }}
      {{- end }}
{{- end }}
pledge:
  security:
    issuer-uri: {{ required "oidc.issuerUri is required: the OIDC issuer of the tokens" $root.Values.oidc.issuerUri | quote }}
    jwk-set-uri: {{ required "oidc.jwkSetUri is required: the issuer's JWK set URI" $root.Values.oidc.jwkSetUri | quote }}
    audiences: {{ $root.Values.oidc.audience | quote }}
    public-prometheus: {{ $root.Values.metrics.serviceMonitor.enabled }}
  messaging:
    {{- with $svc.consumerGroup }}
    group: {{ . | quote }}
    {{- end }}
    consumers:
      {{- range $name, $topic := $svc.consumers }}
      {{ $name }}:
        topic: {{ $topic | quote }}
      {{- end }}
  axon:
    processor-segments: {{ $svc.processorSegments }}
  audit:
    signing-key-file: /etc/pledge/audit/signing-key.pem
{{- if eq .key "feedback" }}
  surveys:
    link-base-url: {{ required "services.feedback.surveys.linkBaseUrl is required: the public base URL of survey links" $svc.surveys.linkBaseUrl | quote }}
{{- end }}
{{- if eq .key "notification" }}
  sms:
    base-url: {{ required "services.notification.sms.baseUrl is required: the SMS provider" $svc.sms.baseUrl | quote }}
    callback-url: {{ $svc.sms.callbackUrl | quote }}
  letters:
    outbox-dir: /var/lib/pledge/letters
{{- end }}
{{- if eq .key "guarantee" }}
  payments:
    base-url: {{ required "services.guarantee.payments.baseUrl is required: the payment provider" $svc.payments.baseUrl | quote }}
    callback-url: {{ required "services.guarantee.payments.callbackUrl is required: the public URL of /callbacks/payments" $svc.payments.callbackUrl | quote }}
  transfers:
    debtor-name: {{ required "services.guarantee.transfers.debtorName is required: the paying authority" $svc.transfers.debtorName | quote }}
    debtor-iban: {{ required "services.guarantee.transfers.debtorIban is required: the paying authority's IBAN" $svc.transfers.debtorIban | quote }}
    debtor-bic: {{ required "services.guarantee.transfers.debtorBic is required: the paying authority's BIC" $svc.transfers.debtorBic | quote }}
{{- end }}
{{- end -}}

{{- define "pledge.springConfig.console" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
server:
  port: 8080
spring:
  security:
    oauth2:
      client:
        registration:
          pledge:
            client-id: {{ $svc.oidc.clientId | quote }}
        provider:
          pledge:
            issuer-uri: {{ required "oidc.issuerUri is required (or services.console.oidc.issuerUri): the OIDC issuer" (default $root.Values.oidc.issuerUri $svc.oidc.issuerUri) | quote }}
pledge:
  console:
    services:
      {{- range $key, $component := include "pledge.components" $root | fromYaml }}
      {{- if ne $key "console" }}
      {{- $other := include "pledge.serviceValues" (dict "root" $root "key" $key) | fromYaml }}
      {{ $component }}: {{ printf "http://%s:%v" (include "pledge.objectName" (dict "root" $root "component" $component)) $other.service.port | quote }}
      {{- end }}
      {{- end }}
{{- end -}}
