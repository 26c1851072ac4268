package org.pledge.contracts.archfixture;

import org.springframework.stereotype.Component;

@Component
public class SpringInContract {
}
