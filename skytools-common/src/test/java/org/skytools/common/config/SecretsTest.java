package org.skytools.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Password masking in connect strings, URIs and config values. */
class SecretsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dbname=x password=secret host=h|dbname=x password=*** host=h",
                "dbname=x password = secret|dbname=x password = ***",
                "PASSWORD=secret|PASSWORD=***",
                "password='se cret' host=h|password=*** host=h",
                "password='it\\'s' user=u|password=*** user=u",
                "password='unterminated|password=***",
                "postgresql://user:secret@host:5432/db|postgresql://user:***@host:5432/db",
                "postgresql://host/db?user=u&password=secret&sslmode=require|postgresql://host/db?user=u&password=***&sslmode=require",
                "jdbc:postgresql://h/db?password=secret|jdbc:postgresql://h/db?password=***",
                "pgpassword=x|pgpassword=x",
                "no secrets here|no secrets here",
                "a password=one b password=two|a password=*** b password=***"
            })
    void masksPasswords(String input, String expected) {
        assertThat(Secrets.mask(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"password,x,***", "db_passwd,x,***", "api_secret,x,***", "db,password=x,password=***", "db,plain,plain"
    })
    void masksValuesOfSecretKeys(String key, String value, String expected) {
        assertThat(Secrets.maskValue(key, value)).isEqualTo(expected);
    }
}
