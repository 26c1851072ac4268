package org.pledge.platform.validation;

/** A request part with a phone number and the language tag whose region it is read in; see {@link ValidPhone}. */
public interface PhoneHolder {

    String phone();

    String language();
}
