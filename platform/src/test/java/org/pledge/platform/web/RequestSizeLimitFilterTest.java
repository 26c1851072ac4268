package org.pledge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTest {

    private static final int LIMIT = 100;
    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(LIMIT, new ProblemResponseWriter(new ObjectMapper()));
    private final AtomicReference<HttpServletRequest> passedOn = new AtomicReference<>();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private void filter(MockHttpServletRequest request) throws Exception {
        filter.doFilter(request, response, (req, res) -> passedOn.set((HttpServletRequest) req));
    }

    /** A request with {@code Transfer-Encoding: chunked}: no length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        return new MockHttpServletRequest("POST", "/things") {
            {
                addHeader("Transfer-Encoding", "chunked");
                setContent(body);
                setContentType("application/json");
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    @Test
    void aChunkedBodyOverTheLimit_is413_andGoesNoFurther() throws Exception {
        filter(chunked(new byte[LIMIT + 1]));

        assertThat(passedOn.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentAsString()).contains("\"code\":\"request.too-large\"");
    }

    @Test
    void aChunkedBodyWithinTheLimit_goesOnAsRead_withItsLength() throws Exception {
        byte[] body = "{\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        filter(chunked(body));

        HttpServletRequest request = passedOn.get();
        assertThat(request.getContentLengthLong()).isEqualTo(body.length);
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOfExactlyTheLimit_isAccepted_andReadableAsText() throws Exception {
        byte[] body = "x".repeat(LIMIT).getBytes(StandardCharsets.UTF_8);
        filter(chunked(body));

        assertThat(passedOn.get().getReader().readLine()).isEqualTo("x".repeat(LIMIT));
    }

    @Test
    void aContentLengthOverTheLimit_is413_unread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things");
        request.setContent(new byte[LIMIT + 1]);
        filter(request);

        assertThat(passedOn.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aContentLengthWithinTheLimit_passesUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things");
        request.setContent(new byte[LIMIT]);
        filter(request);

        assertThat(passedOn.get()).isSameAs(request);
    }

    @Test
    void aChunkedFormBody_keepsItsParameters_besideTheQuerys() throws Exception {
        MockHttpServletRequest request = chunked("a=1&b=x%20y&a=2".getBytes(StandardCharsets.US_ASCII));
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter("q", "query");
        filter(request);

        HttpServletRequest passed = passedOn.get();
        assertThat(passed.getParameterValues("a")).containsExactly("1", "2");
        assertThat(passed.getParameter("b")).isEqualTo("x y");
        assertThat(passed.getParameter("q")).isEqualTo("query");
    }
}
