package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static JsonNode json(String text) throws Exception {
        return Answer.JSON.readTree(text.replace('\'', '"'));
    }

    private final Ledger ledger = new Ledger();
    private final Customer owner = new Customer("a@example.com", "secret-password");
    private final Ledger.Cart cart = ledger.cart("c1", owner);

    @Test
    void aCartAnswerAfterAChangeShowsExactlyTheNewQuantity() throws Exception {
        cart.line("KIT-0001").acknowledged(3);
        JsonNode answer = json("{'id':'c1','lines':[{'sku':'KIT-0001','quantity':3}]}");

        assertNull(Checks.cart(answer, cart, "KIT-0001", 3));
        assertEquals("cart c1 shows KIT-0001 × 3 after setting it to 4", Checks.cart(answer, cart, "KIT-0001", 4));
    }

    @Test
    void aCartAnswerMustKeepTheOtherAcknowledgedLines() throws Exception {
        cart.line("KIT-0001").acknowledged(3);
        cart.line("GAR-0002").acknowledged(5);
        JsonNode answer = json("{'id':'c1','lines':[{'sku':'KIT-0001','quantity':3}]}");

        assertEquals("cart c1: GAR-0002 is absent, acceptable [5]", Checks.cart(answer, cart, "KIT-0001", 3));
    }

    @Test
    void anotherCartIsWrong() throws Exception {
        assertEquals("cart id is c2, asked for c1", Checks.cart(json("{'id':'c2','lines':[]}"), cart, null, 0));
    }

    @Test
    void aLineWithoutSkuOrQuantityIsNotACart() throws Exception {
        assertNull(Checks.lines(json("{'lines':[{'sku':'KIT-0001'}]}")));
        assertNull(Checks.lines(json("{'lines':[{'sku':'KIT-0001','quantity':1},{'sku':'KIT-0001','quantity':2}]}")));
    }

    @Test
    void anOrderMustBeOfTheCartAndCustomerWithTheCartsLines() throws Exception {
        owner.signedIn(JwtTest.token("{\"sub\":\"cust-1\"}"), 900, 0);
        cart.line("KIT-0001").acknowledged(2);
        String good = "{'orderId':'o1','cartId':'c1','customerId':'cust-1','status':'PLACED',"
                + "'lines':[{'sku':'KIT-0001','quantity':2,'unitPrice':'9.99'}]}";

        assertNull(Checks.order(json(good), "o1", cart));
        assertEquals("order o1 is of cart c9, checked out c1",
                Checks.order(json(good.replace("'c1'", "'c9'")), "o1", cart));
        assertEquals("order o1: KIT-0001 is 3, acceptable [2]",
                Checks.order(json(good.replace("'quantity':2", "'quantity':3")), "o1", cart));
        assertEquals("order o1 is of customer cust-2, expected cust-1",
                Checks.order(json(good.replace("cust-1", "cust-2")), "o1", cart));
    }

    @Test
    void aSearchPageHoldsOnlyMatchingProductsUpToItsSize() throws Exception {
        String item = "{'sku':'HOM-0003','name':'Oak Table Lamp','description':'x',"
                + "'price':{'amount':'19.99','currency':'EUR'}}";
        assertNull(Checks.search(json("{'items':[" + item + "],'total':1}"), "lamp", 5));
        assertEquals("1 items on the first page of 7 (size 5)",
                Checks.search(json("{'items':[" + item + "],'total':7}"), "lamp", 5));
        assertEquals("item HOM-0003 does not contain 'lamp'",
                Checks.search(json("{'items':[" + item.replace("Lamp", "Chair") + "],'total':1}"), "lamp", 5));
    }

    @Test
    void aProductIsTheOneAskedForWithAPositivePrice() throws Exception {
        String product = "{'sku':'KIT-0042','name':'Pan','price':{'amount':'12.50','currency':'EUR'}}";
        assertNull(Checks.product(json(product), "KIT-0042"));
        assertEquals("sku is KIT-0042, asked for KIT-0043", Checks.product(json(product), "KIT-0043"));
        assertEquals("product KIT-0042 costs 0.00", Checks.product(json(product.replace("12.50", "0.00")), "KIT-0042"));
    }
}
