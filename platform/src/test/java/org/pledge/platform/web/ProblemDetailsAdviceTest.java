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

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

    enum Priority { LOW, HIGH }

    record Request(@NotBlank String title, Priority priority, int count) {
    }

    record Customer(@NotBlank String name, @Pattern(regexp = "[a-z]{2}") String language) {
    }

    record Item(@NotBlank String name, BigDecimal price) {
    }

    record Order(@Valid @NotNull Customer customer, @Size(max = 3) List<@Valid Item> items) {
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
                case 7 -> throw new RequestRejectedException(
                        "The request was rejected because the header value \"secret-token\" is not allowed.");
                default -> throw new IllegalStateException("secret internal detail at com.acme.Internal");
            }
        }

        /** Constraints on parameters: Spring MVC validates the method (HandlerMethodValidationException). */
        @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
        String order(@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 8) String key,
                     @Valid @RequestBody Order order) {
            return "{}";
        }

        @GetMapping("/orders")
        String search(@RequestParam("page-size") @Max(50) int size) {
            return "[]";
        }

        @GetMapping("/handmade/{kind}")
        ResponseEntity<ProblemDetail> handmade(@PathVariable String kind) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "Made by hand.");
            if (kind.equals("typed")) {
                problem.setType(URI.create("https://example.org/problems/broken"));
                problem.setProperty("code", "thing.broken");
            }
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TestController())
            .setControllerAdvice(new ProblemDetailsAdvice(), new ProblemCompletionAdvice())
            // what pledge-defaults.properties sets for Spring Boot's ObjectMapper
            .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                    .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build()))
            .build();

    private ResultActions postOrder(String key, String body) throws Exception {
        return mvc.perform(post("/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static final String ORDER = """
            {"customer":{"name":"Ann","language":"en"},"items":[{"name":"a","price":1.50},{"name":"b","price":2}]}""";

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions isProblem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
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
    void emptyBody_is400_saysSo() throws Exception {
        isProblem(postJson(""), 400, "request.malformed").andExpect(jsonPath("$.detail").value(
                "The request body is missing."));
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

    @Test
    void duplicateKey_is400_namingTheFieldByItsJsonPath() throws Exception {
        ResultActions result = postOrder("k", ORDER.replace("\"name\":\"b\"", "\"name\":\"b\",\"name\":\"c\""));
        isProblem(result, 400, "request.malformed");
        result.andExpect(jsonPath("$.detail").value(containsString("Duplicate field 'items[1].name'")))
                .andExpect(jsonPath("$.errors[0].field").value("items[1].name"));

        isProblem(postJson("{\"title\":\"a\",\"count\":1,\"title\":\"b\"}"), 400, "request.malformed");
    }

    @Test
    void contentAfterTheJsonValue_is400() throws Exception {
        ResultActions result = postOrder("k", ORDER + "{}");
        isProblem(result, 400, "request.malformed");
        result.andExpect(jsonPath("$.detail").value(containsString("after its JSON value")));
    }

    @Test
    void jacksonLimits_are400_inWords() throws Exception {
        ResultActions number = postOrder("k", ORDER.replace("1.50", "1" + "0".repeat(2000)));
        isProblem(number, 400, "request.malformed");
        number.andExpect(jsonPath("$.detail").value("A number in the request body has too many digits."));

        ResultActions deep = postOrder("k", ORDER.replace("{\"customer\"",
                "{\"extra\":" + "[".repeat(2000) + "]".repeat(2000) + ",\"customer\""));
        isProblem(deep, 400, "request.malformed");
        deep.andExpect(jsonPath("$.detail").value("The request body is nested too deeply."));
    }

    @Test
    void methodValidation_namesBodyFieldsByJsonPath_andHeadersByTheirHttpName() throws Exception {
        ResultActions result = postOrder("far-too-long-key", ORDER.replace("\"en\"", "\"english\"")
                .replace("\"name\":\"b\"", "\"name\":\" \""));
        isProblem(result, 400, "request.validation-failed");
        result.andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.errors[1].field").value("customer.language"))
                .andExpect(jsonPath("$.errors[2].field").value("items[1].name"))
                .andExpect(jsonPath("$.errors[2].message").value("must not be blank"))
                .andExpect(jsonPath("$.detail").value(containsString("customer.language")));
    }

    @Test
    void queryParameterConstraint_namesTheParameterAsSent() throws Exception {
        ResultActions result = mvc.perform(get("/orders").param("page-size", "51"));
        isProblem(result, 400, "request.validation-failed");
        result.andExpect(jsonPath("$.errors[0].field").value("page-size"));
    }

    @Test
    void missingHeader_is400_namingTheHeader() throws Exception {
        ResultActions result = mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER));
        isProblem(result, 400, "request.header-missing");
        result.andExpect(jsonPath("$.detail").value("The header 'Idempotency-Key' is required."))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void missingQueryParameter_is400_namingIt() throws Exception {
        ResultActions result = mvc.perform(get("/orders"));
        isProblem(result, 400, "request.parameter-missing");
        result.andExpect(jsonPath("$.errors[0].field").value("page-size"));
    }

    @Test
    void aControllersOwnProblem_isCompleted() throws Exception {
        ResultActions blank = mvc.perform(get("/handmade/blank"));
        isProblem(blank, 422, "request.unprocessable");
        blank.andExpect(jsonPath("$.detail").value("Made by hand."));

        isProblem(mvc.perform(get("/handmade/typed")), 422, "thing.broken");
    }

    @Test
    void firewallRejection_fromAHeaderReadByTheController_is400_withoutTheValue() throws Exception {
        ResultActions result = mvc.perform(get("/things/7"));
        isProblem(result, 400, "request.invalid-header");
        result.andExpect(jsonPath("$.detail").value(not(containsString("secret"))));
    }

    @Test
    void unsupportedMediaType_saysWhatToSend() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }
}
