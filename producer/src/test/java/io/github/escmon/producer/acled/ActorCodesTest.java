package io.github.escmon.producer.acled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorCodesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Military Forces of Iran (1989-)                                     | IRN
            Police Forces of Pakistan (2018-)                                   | PAK
            Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps   | IRN
            Government of Syria (2000-2024)                                     | SYR
            Military Forces of Syria (2000-2024)                                | SYR
            Military Forces of the Democratic Republic of Congo (2019-)         | COD
            Military Forces of Republic of Congo (1997-)                        | COG
            Military Forces of Russia (2000-)                                   | RUS
            Police Forces of eSwatini (2018-)                                   | SWZ
            Military Forces of Ivory Coast (2011-)                              | CIV
            Military Forces of the United States (2021-)                        | USA
            Military Forces of the United States                                | USA
            Police Forces of Kosovo (2008-)                                     | XKX
            """)
    void stateForcesAreTheirCountrysIsoCode(String name, String code) {
        assertEquals(new ActorCodes.ActorCode(code, false), ActorCodes.of(name));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Jaish al-Adl                                  | JAISH_AL_ADL
            Jaish al Adl                                  | JAISH_AL_ADL
            TTP: Tehrik-i-Taliban Pakistan                | TTP_TEHRIK_I_TALIBAN_PAKISTAN
            BLF: Balochistan Liberation Front             | BLF_BALOCHISTAN_LIBERATION_FRONT
            M23: March 23 Movement                        | M23_MARCH_23_MOVEMENT
            Civilians (Iran)                              | CIVILIANS_IRN
            Protesters (Pakistan)                         | PROTESTERS_PAK
            Rioters (Iran)                                | RIOTERS_IRN
            Protesters (eSwatini)                         | PROTESTERS_SWZ
            Civilians (Democratic Republic of Congo)      | CIVILIANS_COD
            Protesters (International)                    | PROTESTERS_INTERNATIONAL
            Islamic State (Khorasan Province)             | ISLAMIC_STATE_KHORASAN_PROVINCE
            Sole Perpetrator (Iran)                       | SOLE_PERPETRATOR_IRN
            Forces Armées de la République Centrafricaine | FORCES_ARMEES_DE_LA_REPUB_5904AF
            Ansar Allah's Supporters                      | ANSAR_ALLAHS_SUPPORTERS
            Government of National Accord                 | GOVERNMENT_OF_NATIONAL_ACCORD
            Military Forces of Somaliland (1991-)         | SOMALILAND
            Unidentified Communal Militia (Nigeria)       | UNIDENTIFIED_COMMUNAL_EB7179_NGA
            Arm                                           | ARM_316DDD
            X                                             | X_4B68AB
            القاعدة                                       | ACTOR_2E6F16
            """)
    void otherActorsGetACodeMadeFromTheirName(String name, String code) {
        assertEquals(new ActorCodes.ActorCode(code, true), ActorCodes.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unidentified Communal Militia (Nigeria)", "Unidentified Communal Militia (Niger)",
        "Unidentified Communal Militia (Burkina Faso)", "A", "Military Forces of Atlantis (2020-)", "  ", "---",
        "Katiba Macina", "Forces Démocratiques de Libération du Rwanda (FDLR) in the Kivus and elsewhere (Rwanda)"})
    void everyCodeIsAValidActorCodeAndTheSameEachTime(String name) {
        String code = ActorCodes.of(name).code();
        assertTrue(code.matches("[A-Z0-9_]{2,32}"), code);
        assertEquals(code, ActorCodes.of(name).code());
    }

    @Test
    void longNamesThatShareTheirCutStillDiffer() {
        String nigeria = ActorCodes.of("Unidentified Communal Militia (Nigeria)").code();
        String niger = ActorCodes.of("Unidentified Communal Militia (Niger)").code();
        assertEquals("UNIDENTIFIED_COMMUNAL_", nigeria.substring(0, 22));
        assertEquals("UNIDENTIFIED_COMMUNAL_", niger.substring(0, 22));
        assertNotEquals(nigeria, niger);
        String a = ActorCodes.of("Popular Mobilization Forces Brigade Number One").code();
        String b = ActorCodes.of("Popular Mobilization Forces Brigade Number Two").code();
        assertEquals(32, a.length());
        assertNotEquals(a, b);
    }

    @Test
    void aMadeUpCodeNeverEqualsACountryCode() {
        assertFalse(ActorCodes.of("Arm").code().equals("ARM"), "ARM is Armenia");
        assertEquals("IRAN", ActorCodes.of("Iran").code(), "a bare name is not a state force; IRAN is no country code");
    }
}
