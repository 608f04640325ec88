package pl.sciezka.platform.h2;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Makes {@code newest-chunk:} known to H2 before any bean opens a connection, so that the embedded
 * default's URL ({@code jdbc:h2:newest-chunk:…}) can name it.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.h2.store.fs.FilePathWrapper")
public class NewestChunkFilePathConfiguration {

    /** Static, and a post-processor of the bean factory: it runs before the data source exists. */
    @Bean
    static BeanFactoryPostProcessor newestChunkFilePath() {
        return beanFactory -> NewestChunkFilePath.register();
    }
}
