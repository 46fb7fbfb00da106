package io.github.escmon.producer.acled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Iran                             | IRN
            Pakistan                         | PAK
            Democratic Republic of Congo     | COD
            Republic of Congo                | COG
            Russia                           | RUS
            Syria                            | SYR
            eSwatini                         | SWZ
            Ivory Coast                      | CIV
            Palestine                        | PSE
            Turkey                           | TUR
            Czech Republic                   | CZE
            Bosnia and Herzegovina           | BIH
            Saint Vincent and the Grenadines | VCT
            Sao Tome and Principe            | STP
            Myanmar                          | MMR
            Kosovo                           | XKX
            United States                    | USA
            the Gambia                       | GMB
            GUINEA-BISSAU                    | GNB
            Curaçao                          | CUW
            """)
    void acledCountryNamesResolveToAlpha3(String name, String iso3) {
        assertEquals(Optional.of(iso3), Countries.iso3(name));
    }

    @Test
    void namesThatAreNoCountryDoNotResolve() {
        assertEquals(Optional.empty(), Countries.iso3("International"));
        assertEquals(Optional.empty(), Countries.iso3("Khorasan Province"));
        assertEquals(Optional.empty(), Countries.iso3("Somaliland"));
    }

    @Test
    void everyAliasNamesACodeJavaKnowsExceptKosovo() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                known.add(new Locale("", alpha2).getISO3Country());
            } catch (MissingResourceException e) {
                // no alpha-3 code
            }
        }
        try (InputStream in = Countries.class.getResourceAsStream(Countries.ALIASES);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String iso3 = row.get("iso3");
                assertTrue(known.contains(iso3) || iso3.equals("XKX"), row.toString());
                assertEquals(Optional.of(iso3), Countries.iso3(row.get("name")), row.toString());
            }
        }
    }
}
