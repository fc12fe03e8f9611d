package dev.bricks.order.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignInFormTest {

    @Test
    void fieldsAreDecodedAndMissingOnesAreNull() {
        assertEquals(new SignInForm("a+b@c.d", "p w;&=%", null),
                SignInForm.parse("email=a%2Bb%40c.d&password=p+w%3B%26%3D%25&other=x"));
        assertEquals(new SignInForm("a@b.c", null, null), SignInForm.parse("email=a@b.c"));
        assertEquals(new SignInForm(null, null, null), SignInForm.parse(""));
        assertEquals(new SignInForm(null, null, null), SignInForm.parse(null));
        assertEquals("", SignInForm.parse("password").password());
        assertNull(SignInForm.parse("password=x").email());
    }

    @Test
    void aBadEscapeIsAnUnreadableForm() {
        assertThrows(IllegalArgumentException.class, () -> SignInForm.parse("email=%zz&password=x"));
        assertThrows(IllegalArgumentException.class, () -> SignInForm.parse("email=a&password=%"));
    }
}
