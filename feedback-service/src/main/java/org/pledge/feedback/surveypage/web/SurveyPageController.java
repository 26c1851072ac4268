package org.pledge.feedback.surveypage.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.pledge.feedback.feedback.api.InvalidFeedbackException;
import org.pledge.feedback.feedback.api.PainPointTag;
import org.pledge.feedback.feedback.api.SurveyAnswers;
import org.pledge.feedback.feedback.api.SurveyAnswers.AnswerReceipt;
import org.pledge.feedback.feedback.api.SurveyAnswers.SurveyForm;
import org.pledge.feedback.survey.api.SurveyLinks;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.VerifiedInvitation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public survey page a client reaches from the link in their message: server-rendered HTML, English and French,
 * a plain form POST (no JavaScript), post/redirect/get to the thanks page. The token in the path is the credential:
 * it is never logged, never written into the page (links and the form's action are relative), and a page whose URL
 * holds it is never cached nor sent on as a referrer ({@link SurveyPageHeaders}). A link that authorises nothing gets
 * its own page ({@link SurveyPageErrors}).
 *
 * <p>No session and no CSRF token: a cross-site form can only post to a link its author already holds, and holding
 * the link is all it takes to answer; no cookie or login gives the request any authority a forger lacks.
 */
@Controller
@Hidden
@RequestMapping("/surveys/{token}")
class SurveyPageController {

    static final String FORM = "surveypage/form";
    static final String THANKS = "surveypage/thanks";

    private final SurveyAnswers answers;
    private final SurveyLinks links;
    private final MessageSource messages;
    private final int commentMaxLength;

    SurveyPageController(SurveyAnswers answers, SurveyLinks links, MessageSource messages,
                         @Value("${pledge.feedback.comment-max-length:2000}") int commentMaxLength) {
        this.answers = answers;
        this.links = links;
        this.messages = messages;
        this.commentMaxLength = commentMaxLength;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView show(@PathVariable String token, @RequestParam(required = false) String lang,
                      HttpServletRequest request) {
        SurveyForm form = answers.open(token);
        PageLanguage language = PageLanguage.choose(request, lang, form.language()).use(request);
        return form(form, language, AnswerForm.empty(), Map.of(), HttpStatus.OK);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> fields,
                        HttpServletRequest request) {
        AnswerForm values = AnswerForm.from(fields);
        Map<String, String> problems = values.problems();
        if (problems.isEmpty()) {
            try {
                AnswerReceipt receipt = answers.answer(token, values.toAnswer());
                PageLanguage language = PageLanguage.choose(request, fields.getFirst("lang"));
                return thanksRedirect(token, language, receipt.followUpRequested());
            } catch (InvalidFeedbackException invalid) {
                problems = Map.of(AnswerErrors.field(invalid.field()), invalid.code());
            }
        }
        SurveyForm form = answers.open(token);
        PageLanguage language = PageLanguage.choose(request, fields.getFirst("lang"), form.language()).use(request);
        return form(form, language, values, problems, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /**
     * After the answer: thanks, and that someone will contact the client when the answer asked for it. The link must
     * be one of ours (a forged one gets the 404 page); answered or expired since, it still thanks.
     */
    @GetMapping(path = "/thanks", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView thanks(@PathVariable String token, @RequestParam(required = false) String lang,
                        @RequestParam(required = false) String contact, HttpServletRequest request) {
        String invitationLanguage = null;
        try {
            VerifiedInvitation invitation = links.verify(token);
            invitationLanguage = invitation.language();
        } catch (SurveyTokenException notOpen) {
            if (notOpen.reason() == SurveyTokenException.Reason.INVALID) {
                throw notOpen;
            }
        }
        PageLanguage language = PageLanguage.choose(request, lang, invitationLanguage).use(request);
        boolean followUp = "yes".equals(contact);
        ModelAndView page = new ModelAndView(THANKS);
        page.addObject("lang", language.code());
        page.addObject("otherLangHref", "?lang=" + language.other().code() + (followUp ? "&contact=yes" : ""));
        page.addObject("otherLang", language.other().code());
        page.addObject("followUp", followUp);
        return page;
    }

    @ExceptionHandler(SurveyTokenException.class)
    ModelAndView linkProblem(SurveyTokenException refused, HttpServletRequest request) {
        return SurveyPageErrors.linkProblem(refused, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, HttpServletRequest request) {
        return SurveyPageErrors.unexpected(ex, request);
    }

    private ModelAndView form(SurveyForm form, PageLanguage language, AnswerForm values, Map<String, String> problems,
                              HttpStatus status) {
        List<TagChoice> tags = new ArrayList<>();
        List<PainPointTag> offered = form.painPointTags() == null ? List.of() : form.painPointTags();
        for (int i = 0; i < offered.size(); i++) {
            PainPointTag tag = offered.get(i);
            tags.add(new TagChoice("pain-point-" + (i + 1), tag.code(), tag.label(language.code()),
                    values.painPoints().contains(tag.code())));
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<AnswerErrors.SummaryLine> summary = new ArrayList<>();
        problems.forEach((field, code) -> {
            String message = AnswerErrors.message(messages, code, field, commentMaxLength, language.locale());
            fieldErrors.put(field, message);
            summary.add(new AnswerErrors.SummaryLine(AnswerErrors.anchor(field, tags), message));
        });
        ModelAndView page = new ModelAndView(FORM, status);
        page.addObject("lang", language.code());
        page.addObject("otherLang", language.other().code());
        page.addObject("values", values);
        page.addObject("tags", tags);
        page.addObject("errors", summary);
        page.addObject("fieldErrors", fieldErrors);
        page.addObject("commentMaxLength", commentMaxLength);
        return page;
    }

    private static ModelAndView thanksRedirect(String token, PageLanguage language, boolean followUp) {
        UriComponentsBuilder thanks = UriComponentsBuilder.fromPath("/surveys/{token}/thanks")
                .queryParam("lang", language.code());
        if (followUp) {
            thanks.queryParam("contact", "yes");
        }
        RedirectView redirect = new RedirectView(thanks.buildAndExpand(token).encode().toUriString(), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER); // post/redirect/get: a reload does not post again
        redirect.setExposeModelAttributes(false);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }

    /** A pain-point checkbox: its element id, the tag's code (the value sent) and label, and whether it is ticked. */
    record TagChoice(String id, String code, String label, boolean checked) {
    }
}
