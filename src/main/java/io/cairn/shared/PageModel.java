package io.cairn.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Adds what every page of the UI shows (the signed-in user, a module's part of the navigation) to the model of a page
 * about to be rendered, after its controller. A subclass that is a Spring bean registers itself for every path but
 * the API's. Spring's {@code @ModelAttribute} advice, which did this before, ran for every API request too, for a model
 * nobody renders: about a twentieth of the server's CPU per request in the create benchmark (BENCHMARKS.md).
 */
public abstract class PageModel implements HandlerInterceptor, WebMvcConfigurer {

    /** Adds this part of the page's model. */
    protected abstract void addTo(ModelAndView page, HttpServletRequest request);

    @Override
    public final void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public final void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null
                || !page.hasView()
                || page.getView() instanceof RedirectView
                || page.getViewName() != null
                        && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)) {
            return;
        }
        addTo(page, request);
    }
}
