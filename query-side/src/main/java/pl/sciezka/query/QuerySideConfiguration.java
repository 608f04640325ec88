package pl.sciezka.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The read models' repositories live beside their projections, wherever the deployable's main class is. */
@Configuration(proxyBeanMethods = false)
@EnableMongoRepositories(basePackageClasses = QuerySideConfiguration.class)
class QuerySideConfiguration {
}
