package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.pledge.platform.api.CommandTarget;

class CommandTargetsTest {

    record AssignCommand(String assignee, @CommandTarget String caseId) {
    }

    record AxonCommand(@TargetAggregateIdentifier String caseId, String note) {
    }

    record UntargetedCommand(String caseId) {
    }

    static final class ClassCommand {
        @CommandTarget
        private final String claimId;

        ClassCommand(String claimId) {
            this.claimId = claimId;
        }
    }

    static final class MethodCommand {
        @CommandTarget
        String target() {
            return "invitation-7";
        }
    }

    private final CommandTargets targets = new CommandTargets();

    private VersionedAggregateIdentifier resolve(Object command) {
        return targets.resolveTarget(new GenericCommandMessage<>(command));
    }

    @Test
    void resolvesTheTarget_fromAnAnnotatedRecordComponent() {
        VersionedAggregateIdentifier target = resolve(new AssignCommand("caseworker-1", "case-42"));

        assertThat(target.getIdentifier()).isEqualTo("case-42");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void resolvesAnAnnotatedFieldOrMethod_ofACommandThatIsNoRecord() {
        assertThat(resolve(new ClassCommand("claim-3")).getIdentifier()).isEqualTo("claim-3");
        assertThat(resolve(new MethodCommand()).getIdentifier()).isEqualTo("invitation-7");
    }

    @Test
    void resolvesTheTarget_fromAxonsTargetAggregateIdentifier() {
        VersionedAggregateIdentifier target = resolve(new AxonCommand("case-9", "n"));

        assertThat(target.getIdentifier()).isEqualTo("case-9");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void resolvesEachCommandByItsOwnTarget_whenTypesAlternate() {
        assertThat(resolve(new AssignCommand("a", "case-1")).getIdentifier()).isEqualTo("case-1");
        assertThat(resolve(new AxonCommand("case-2", "n")).getIdentifier()).isEqualTo("case-2");
        assertThat(resolve(new AssignCommand("b", "case-3")).getIdentifier()).isEqualTo("case-3");
    }

    @Test
    void rejectsANullTarget_namingTheCommandTypeAndComponent_butNoValue() {
        assertThatThrownBy(() -> resolve(new AssignCommand("jane.doe@example.org", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AssignCommand names no target aggregate: its @CommandTarget caseId is null")
                .hasMessageNotContaining("jane.doe");
    }

    @Test
    void rejectsACommand_whoseTargetIsBlank() {
        assertThatThrownBy(() -> resolve(new AssignCommand("caseworker-1", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AssignCommand names no target aggregate: its @CommandTarget caseId is blank");
    }

    @Test
    void rejectsACommandThatNamesNoTarget_pointingToCommandTarget() {
        assertThatThrownBy(() -> resolve(new UntargetedCommand("case-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UntargetedCommand names no target aggregate")
                .hasMessageContaining("@CommandTarget");
    }

    @Test
    void rejectsACommand_whoseAxonTargetIsNull() {
        assertThatThrownBy(() -> resolve(new AxonCommand(null, "n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AxonCommand names no target aggregate");
    }
}
