package org.pledge.console.refunds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.pledge.console.config.ConsoleProperties;
import org.pledge.console.refunds.GuaranteeViews.RefundTotal;
import org.pledge.console.refunds.GuaranteeViews.RefundTotals;
import org.pledge.console.services.Service;
import org.pledge.console.services.ServiceApis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cost of missed promises ({@code /refunds/costs}): refunds paid and pending per service type and month, from
 * guarantee-service's {@code GET /api/refund-totals}, as a stacked bar chart per currency (one bar per month, a stack
 * per service type) and the same figures in a table (the page without JavaScript, and for screen readers).
 */
@Controller
class RefundCostsController {

    /** Twelve months up to the current one, when the person asks for no range. */
    static final int DEFAULT_MONTHS = 12;
    /** guarantee-service's own limit on a range. */
    static final int MAX_MONTHS = 120;

    private final ServiceApis services;
    private final ObjectMapper json;
    private final ConsoleProperties properties;
    private final Clock clock;

    RefundCostsController(ServiceApis services, ObjectMapper json, ConsoleProperties properties,
                          ObjectProvider<Clock> clock) {
        this.services = services;
        this.json = json;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/refunds/costs")
    String costs(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                 HttpServletResponse response) throws JsonProcessingException {
        YearMonth now = YearMonth.now(clock.withZone(properties.zone()));
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth last = month(to, now, "to", errors);
        YearMonth first = month(from, last == null ? now.minusMonths(DEFAULT_MONTHS - 1) : last.minusMonths(DEFAULT_MONTHS - 1),
                "from", errors);
        if (first != null && last != null && (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1).isBefore(last))) {
            errors.put("to", "refund-costs.error.range");
        }
        model.addAttribute("from", first != null ? first.toString() : from);
        model.addAttribute("to", last != null ? last.toString() : to);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("currencies", List.of());
            return "refunds/costs";
        }
        RefundTotals totals = services.client(Service.GUARANTEE).get()
                .uri(uri -> uri.path("/api/refund-totals").queryParam("from", first).queryParam("to", last).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(RefundTotals.class);
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<CurrencyCosts> currencies = new ArrayList<>();
        Map<String, List<RefundTotal>> byCurrency = new TreeMap<>();
        for (RefundTotal total : totals == null ? List.<RefundTotal>of() : totals.totals()) {
            byCurrency.computeIfAbsent(total.currency(), c -> new ArrayList<>()).add(total);
        }
        for (Map.Entry<String, List<RefundTotal>> entry : byCurrency.entrySet()) {
            List<RefundTotal> rows = new ArrayList<>(entry.getValue());
            rows.sort((a, b) -> a.month().equals(b.month()) ? a.serviceType().compareTo(b.serviceType()) : a.month().compareTo(b.month()));
            currencies.add(new CurrencyCosts(entry.getKey(), rows, sum(rows), chart(entry.getKey(), months, rows)));
        }
        model.addAttribute("currencies", currencies);
        return "refunds/costs";
    }

    /** An ECharts option: months on the x axis, one stacked bar series per service type, paid plus pending. */
    private String chart(String currency, List<String> months, List<RefundTotal> rows) throws JsonProcessingException {
        Map<String, Map<String, BigDecimal>> byType = new TreeMap<>();
        for (RefundTotal row : rows) {
            byType.computeIfAbsent(row.serviceType(), t -> new TreeMap<>()).merge(row.month(), cost(row), BigDecimal::add);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> type : byType.entrySet()) {
            List<BigDecimal> values = months.stream().map(m -> type.getValue().getOrDefault(m, BigDecimal.ZERO)).toList();
            series.add(Map.of("name", type.getKey(), "type", "bar", "stack", "cost", "data", values));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll"));
        option.put("grid", Map.of("left", 64, "right", 16, "bottom", 32, "top", 40));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value", "name", currency));
        option.put("series", series);
        // a JSON data block inside <script>: no "</" may close it early
        return json.writeValueAsString(option).replace("</", "<\\/");
    }

    private static BigDecimal cost(RefundTotal row) {
        return decimal(row.paidAmount()).add(decimal(row.pendingAmount()));
    }

    private static Totals sum(List<RefundTotal> rows) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        int paidCount = 0;
        int pendingCount = 0;
        for (RefundTotal row : rows) {
            paid = paid.add(decimal(row.paidAmount()));
            pending = pending.add(decimal(row.pendingAmount()));
            paidCount += row.paidCount();
            pendingCount += row.pendingCount();
        }
        return new Totals(paid, paidCount, pending, pendingCount, paid.add(pending));
    }

    private static BigDecimal decimal(String amount) {
        return amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount);
    }

    private static YearMonth month(String value, YearMonth fallback, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException notAMonth) {
            errors.put(field, "refund-costs.error.month");
            return null;
        }
    }

    /** The figures of one currency: its rows (month, service type), totals and chart. */
    public record CurrencyCosts(String currency, List<RefundTotal> rows, Totals totals, String chart) {

        /** The service types in these rows, for the chart's label. */
        public List<String> serviceTypes() {
            return List.copyOf(new TreeSet<>(rows.stream().map(RefundTotal::serviceType).toList()));
        }

        public BigDecimal cost(RefundTotal row) {
            return RefundCostsController.cost(row);
        }
    }

    /** The sums of one currency over the range. */
    public record Totals(BigDecimal paid, int paidCount, BigDecimal pending, int pendingCount, BigDecimal cost) {
    }
}
