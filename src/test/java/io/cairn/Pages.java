package io.cairn;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.cairn.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** MockMvc over the running test server's whole filter chain, for the cheap checks of the pages' rules. */
public final class Pages {

    private Pages() {}

    public static MockMvc of(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    /**
     * The common part of a test of the pages through MockMvc on the whole server ({@link ServerTest}): {@code mvc} over
     * the whole filter chain and {@link TestUsers} to make the people whose requests it sends, both new for each test.
     */
    @ServerTest
    public abstract static class OnServer {

        @Autowired
        protected WebApplicationContext context;

        protected MockMvc mvc;
        protected TestUsers users;

        @BeforeEach
        protected void mockTheServerAndItsUsers() {
            mvc = of(context);
            users = new TestUsers(context);
        }
    }
}
