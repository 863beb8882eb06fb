package vn.khuyenhoc.cdht.privacy;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the read audit on the staff pages that show a citizen, an assessment or a list with names. */
@Configuration(proxyBeanMethods = false)
class PrivacyWebConfig implements WebMvcConfigurer {

    private final ReadAudit reads;

    PrivacyWebConfig(ReadAudit reads) {
        this.reads = reads;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(reads).addPathPatterns("/citizens/*", "/assessments/*", "/assessments/*/*",
                "/recognition/*/*", "/report/*/*/forecast/*", "/transfer/export");
    }
}
