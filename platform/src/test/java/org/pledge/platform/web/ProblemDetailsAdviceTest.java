package org.pledge.platform.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

    enum Priority { LOW, HIGH }

    record Request(@NotBlank String title, Priority priority, int count) {
    }

    static class InvalidTransition extends PledgeException {
        InvalidTransition() {
            super("case.invalid-transition", HttpStatus.CONFLICT, "A closed case cannot be reopened.");
        }
    }

    @RestController
    static class TestController {
        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        String create(@Valid @RequestBody Request request) {
            return "{}";
        }

        @GetMapping("/things/{id}")
        String read(@PathVariable int id) {
            switch (id) {
                case 1 -> throw new InvalidTransition();
                case 2 -> throw new AggregateNotFoundException("agg-2", "not found agg-2");
                case 3 -> throw new ConcurrencyException("secret internal detail");
                case 4 -> throw new org.axonframework.modelling.command.AggregateStreamCreationException("secret");
                case 5 -> throw new java.util.concurrent.CompletionException(new InvalidTransition());
                case 6 -> throw new jakarta.validation.ConstraintViolationException(
                        jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator()
                                .validate(new Request("", Priority.LOW, 1)));
                default -> throw new IllegalStateException("secret internal detail at com.acme.Internal");
            }
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TestController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void isProblem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:pledge:problem:" + code))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.instance").isNotEmpty())
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void malformedJson_is400_withoutInternals() throws Exception {
        ResultActions result = postJson("{\"title\": ");
        isProblem(result, 400, "request.malformed");
        result.andExpect(jsonPath("$.detail").value(allOf(containsString("not valid JSON"),
                not(containsString("com.fasterxml")), not(containsString("Exception")))));
    }

    @Test
    void unknownEnumValue_is400_namingFieldAndAllowedValues() throws Exception {
        ResultActions result = postJson("{\"title\":\"t\",\"priority\":\"URGENT\",\"count\":1}");
        isProblem(result, 400, "request.malformed");
        result.andExpect(jsonPath("$.detail").value(
                "Invalid value 'URGENT' for field 'priority': expected one of [LOW, HIGH]."));
    }

    @Test
    void wrongType_is400_withoutJavaClassNames() throws Exception {
        ResultActions result = postJson("{\"title\":\"t\",\"count\":\"many\"}");
        isProblem(result, 400, "request.malformed");
        result.andExpect(jsonPath("$.detail").value(allOf(containsString("'count'"), containsString("an integer"),
                not(containsString("java.")))));
    }

    @Test
    void validationFailure_is400_withFieldErrors() throws Exception {
        ResultActions result = postJson("{\"title\":\"\",\"count\":1}");
        isProblem(result, 400, "request.validation-failed");
        result.andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void constraintViolation_fromAValidatedBean_is400_withFieldErrors() throws Exception {
        ResultActions result = mvc.perform(get("/things/6"));
        isProblem(result, 400, "request.validation-failed");
        result.andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void unsupportedMediaType_is415() throws Exception {
        isProblem(mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("x")), 415,
                "request.unsupported-media-type");
    }

    @Test
    void notAcceptable_is406() throws Exception {
        isProblem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_XML).content("{\"title\":\"t\",\"count\":1}")), 406,
                "request.not-acceptable");
    }

    @Test
    void wrongMethod_is405() throws Exception {
        isProblem(mvc.perform(put("/things/1")), 405, "request.method-not-allowed");
    }

    @Test
    void pathVariableOfWrongType_is400() throws Exception {
        isProblem(mvc.perform(get("/things/abc")), 400, "request.invalid-parameter");
    }

    @Test
    void pledgeException_mapsToItsStatusAndCode() throws Exception {
        ResultActions result = mvc.perform(get("/things/1"));
        isProblem(result, 409, "case.invalid-transition");
        result.andExpect(jsonPath("$.detail").value("A closed case cannot be reopened."));
    }

    @Test
    void aggregateNotFound_is404() throws Exception {
        isProblem(mvc.perform(get("/things/2")), 404, "resource.not-found");
    }

    @Test
    void concurrencyConflict_is409_withoutTheInternalMessage() throws Exception {
        ResultActions result = mvc.perform(get("/things/3"));
        isProblem(result, 409, "resource.concurrent-modification");
        result.andExpect(jsonPath("$.detail").value(not(containsString("secret"))));
    }

    @Test
    void unexpectedError_is500_withGenericDetail() throws Exception {
        ResultActions result = mvc.perform(get("/things/9"));
        isProblem(result, 500, "internal.error");
        result.andExpect(jsonPath("$.detail").value(allOf(not(containsString("secret")),
                not(containsString("IllegalState")))));
    }

    @Test
    void aggregateThatAlreadyExists_is409() throws Exception {
        isProblem(mvc.perform(get("/things/4")), 409, "resource.already-exists");
    }

    @Test
    void wrappedPledgeException_isUnwrapped() throws Exception {
        isProblem(mvc.perform(get("/things/5")), 409, "case.invalid-transition");
    }
}
