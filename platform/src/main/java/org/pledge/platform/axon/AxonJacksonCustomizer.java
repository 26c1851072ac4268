package org.pledge.platform.axon;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Changes the Jackson mapper behind the Axon serializers (events, snapshots and sagas, messages) and nothing else: a
 * bean of this type is applied to {@link AxonMongoAutoConfiguration#axonObjectMapper(java.util.List)} for every Axon
 * serializer, never to the web's {@code ObjectMapper} (a plain Jackson {@code Module} bean would reach both). The
 * platform's privacy feature registers its {@code PersonalDataModule} this way.
 */
@FunctionalInterface
public interface AxonJacksonCustomizer {

    void customize(JsonMapper.Builder builder);
}
