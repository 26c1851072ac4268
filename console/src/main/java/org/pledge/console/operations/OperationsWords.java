package org.pledge.console.operations;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Plain words for the codes the operations pages show ({@code ${@opsWords.reason(n.reason())}}): the console's
 * {@code ops.reason.<code>} when it has one, else the service's code as it is (codes are open-ended: a channel's
 * failure such as {@code retries-exhausted:smtp-550}).
 */
@Component("opsWords")
public class OperationsWords {

    private final MessageSource messages;

    public OperationsWords(MessageSource messages) {
        this.messages = messages;
    }

    public String reason(String code) {
        if (code == null || code.isBlank()) {
            return messages.getMessage("ops.abandoned.no-reason", null, LocaleContextHolder.getLocale());
        }
        return messages.getMessage("ops.reason." + code, null, code, LocaleContextHolder.getLocale());
    }
}
