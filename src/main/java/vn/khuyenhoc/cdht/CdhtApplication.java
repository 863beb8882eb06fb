package vn.khuyenhoc.cdht;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CdhtApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdhtApplication.class, args);
    }
}
