package io.github.escmon.producer.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.escmon.events.InvalidIncidentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameoCodeTest {

    @ParameterizedTest(name = "EventCode {0} under root {1} is {2}")
    @CsvSource(textBlock = """
            40,   4,  040
            231,  2,  0231
            10,   1,  010
            20,   2,  020
            4,    4,  04
            040,  4,  040
            0231, 02, 0231
            040,  04, 040
            190,  19, 190
            20,   20, 20
            1031, 10, 1031
            14,   14, 14
            """)
    void padsWithZerosUntilTheCodeStartsWithItsRoot(String code, String root, String expected) {
        assertEquals(expected, CameoCode.restore(code, root));
    }

    @ParameterizedTest(name = "EventCode \"{0}\" under root \"{1}\" is left as \"{0}\"")
    @CsvSource(textBlock = """
            40,   ''
            ---,  19
            X12,  1
            190,  abc
            19,   190
            """)
    void leavesACodeAloneWhenThereIsNoNumericRootToRestoreFrom(String code, String root) {
        assertEquals(code, CameoCode.restore(code, root));
    }

    @ParameterizedTest(name = "EventCode {0} is not under root {1}")
    @CsvSource(textBlock = """
            231,  19
            190,  2
            1,    10
            """)
    void aCodeThatNoPaddingPutsUnderItsRootIsInvalid(String code, String root) {
        var e = assertThrows(InvalidIncidentException.class, () -> CameoCode.restore(code, root));
        assertEquals("EventCode", e.field());
        assertEquals("EventCode: \"" + code + "\" is not a code under its EventRootCode \"" + root + "\"", e.getMessage());
    }
}
