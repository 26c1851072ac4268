package org.pledge.console.levels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.console.shell.ConsoleFormats;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The service-levels page's model (the view, its two charts' ECharts options) and its live part rendered to a string
 * for a server-sent event, in the person's locale. The same template makes both: the page includes the fragment
 * {@value #FIGURES} that a live stream sends again when the figures change.
 */
@Component
public class ServiceLevelsPage {

    static final String TEMPLATE = "levels/service-levels";
    static final String FIGURES = "figures";
    static final String ENDED = "ended";

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ConsoleFormats fmt;
    private final ApplicationContext context;
    private final ConversionService conversions;

    public ServiceLevelsPage(SpringTemplateEngine templates, MessageSource messages, ObjectMapper json, ConsoleFormats fmt,
                             ApplicationContext context, @org.springframework.beans.factory.annotation.Qualifier("mvcConversionService")
                             ConversionService conversions) {
        this.templates = templates;
        this.messages = messages;
        this.json = json;
        this.fmt = fmt;
        this.context = context;
        this.conversions = conversions;
    }

    /** The model of the figures for the filters: {@code levels}, {@code backlogChart}, {@code trendChart}, {@code fingerprint}. */
    public Map<String, Object> model(ServiceLevelsReport report, String serviceType, String channel, Locale locale) {
        ServiceLevelsView view = ServiceLevelsView.of(report, serviceType, channel);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("levels", view);
        model.put("fingerprint", view.fingerprint());
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            model.put("backlogChart", backlogChart(view, locale));
            model.put("trendChart", trendChart(view, locale));
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        return model;
    }

    /** The live fragment ({@value #FIGURES}) of {@code model}, as HTML in {@code locale}. */
    public String figures(Map<String, Object> model, Locale locale) {
        return render(FIGURES, model, locale);
    }

    /**
     * The live region once its stream has ended for good ({@code reason}: {@code signed-out} or {@code refused}): the
     * last figures, a notice and a link to load the page again, without the stream's attributes.
     */
    public String ended(String reason, String lastFigures, String pageUri, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reason", reason);
        model.put("lastFigures", lastFigures == null ? "" : lastFigures);
        model.put("pageUri", pageUri);
        return render(ENDED, model, locale);
    }

    private String render(String fragment, Map<String, Object> model, Locale locale) {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale); // @fmt formats in LocaleContextHolder's locale; this may run off the request thread
        try {
            Context variables = new Context(locale, model);
            variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(context, conversions));
            return templates.process(TEMPLATE, Set.of(fragment), variables);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private String backlogChart(ServiceLevelsView view, Locale locale) {
        Map<String, Object> option = base();
        option.put("xAxis", Map.of("type", "category", "name", word("levels.backlog.axis", locale), "nameLocation", "middle",
                "nameGap", 30, "data", List.of(word("levels.backlog.0-5", locale), word("levels.backlog.6-10", locale),
                        word("levels.backlog.11-20", locale), word("levels.backlog.over-20", locale))));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1, "name", word("levels.backlog.open-cases", locale)));
        option.put("series", List.of(Map.of("type", "bar", "name", word("levels.backlog.open-cases", locale),
                "data", view.summary().backlogByAge().counts())));
        return write(option);
    }

    private String trendChart(ServiceLevelsView view, Locale locale) {
        Map<String, Object> option = base();
        option.put("legend", Map.of("top", 0));
        option.put("xAxis", Map.of("type", "category", "name", word("levels.trend.axis", locale), "nameLocation", "middle",
                "nameGap", 30, "data", view.weeks().stream().map(fmt::date).toList()));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "axisLabel",
                Map.of("formatter", "fr".equals(locale.getLanguage()) ? "{value} %" : "{value}%")));
        List<Map<String, Object>> series = new ArrayList<>();
        for (ServiceLevelsView.Series s : view.trend()) {
            List<Object> points = new ArrayList<>();
            s.weeks().forEach(w -> points.add(w.onTimePercent() == null ? "-" : new BigDecimal(w.onTimePercent())));
            series.add(Map.of("type", "line", "name", s.serviceType(), "connectNulls", false, "data", points));
        }
        option.put("series", series);
        return write(option);
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("aria", Map.of("enabled", true));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("containLabel", true, "left", 16, "right", 16, "top", 40, "bottom", 40));
        return option;
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String write(Map<String, Object> option) {
        try {
            // a JSON data block inside <script>: "</" must not end it early ("<\/" is the same JSON string)
            return json.writeValueAsString(option).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart option not writable", e);
        }
    }
}
