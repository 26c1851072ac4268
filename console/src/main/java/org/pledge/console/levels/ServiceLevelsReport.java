package org.pledge.console.levels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * case-service's {@code GET /api/service-levels} answer, as the console reads it (decimals stay strings: the
 * on-time rates are exact to one decimal, formatted in the person's locale by {@code @fmt.percent}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceLevelsReport(Instant asOf, Instant resolvedSince, boolean truncated, List<TypeLevels> serviceTypes) {

    public ServiceLevelsReport {
        serviceTypes = serviceTypes == null ? List.of() : List.copyOf(serviceTypes);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TypeLevels(String serviceType, Figures total, List<Figures> byChannel) {
        public TypeLevels {
            byChannel = byChannel == null ? List.of() : List.copyOf(byChannel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(String channel, long open, long atRisk, long breachedOpen, long resolved, long resolvedOnTime,
                          String onTimePercent, Integer medianBusinessDaysToResolution, Integer p90BusinessDaysToResolution,
                          Backlog backlogByAge, List<Week> onTimeByWeek) {
        public Figures {
            backlogByAge = backlogByAge == null ? new Backlog(0, 0, 0, 0) : backlogByAge;
            onTimeByWeek = onTimeByWeek == null ? List.of() : List.copyOf(onTimeByWeek);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Backlog(@JsonProperty("0-5") long upTo5, @JsonProperty("6-10") long from6To10,
                          @JsonProperty("11-20") long from11To20, @JsonProperty("over-20") long over20) {

        public List<Long> counts() {
            return List.of(upTo5, from6To10, from11To20, over20);
        }

        Backlog plus(Backlog other) {
            return new Backlog(upTo5 + other.upTo5, from6To10 + other.from6To10, from11To20 + other.from11To20, over20 + other.over20);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(LocalDate weekOf, long resolved, long resolvedOnTime, String onTimePercent) {
    }
}
