package org.pledge.contracts;

/**
 * CloudEvents 1.0 attributes as Kafka headers in binary content mode (the Kafka protocol binding):
 * each attribute is a header named {@code ce_<attribute>} whose value is the UTF-8 string.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    /** A Pledge service's {@code ce_source} is this prefix and its name: {@code /pledge/case-service}. */
    public static final String SOURCE_PREFIX = "/pledge/";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** The data's media type; the binding maps {@code datacontenttype} to this header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
