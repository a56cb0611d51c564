package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One invoice as received from the invoice system; {@code code} is empty for 数电 invoices. */
@Entity
@Table(name = "invoice")
class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String number;
    @Enumerated(EnumType.STRING)
    private InvoiceType type;
    private LocalDate issueDate;
    private BigDecimal amountExclTax;
    private BigDecimal tax;
    private BigDecimal total;
    private String checkCode;
    private String sellerName;
    private String sellerTaxId;
    private String buyerName;
    private String buyerTaxId;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private OffsetDateTime enteredAt;

    protected Invoice() {
    }

    Invoice(String code, String number, InvoiceType type, LocalDate issueDate, BigDecimal amountExclTax,
            BigDecimal tax, BigDecimal total, String checkCode, String sellerName, String sellerTaxId, String buyerName,
            String buyerTaxId, InvoiceStatus status, OffsetDateTime enteredAt) {
        this.code = code;
        this.number = number;
        this.type = type;
        this.issueDate = issueDate;
        this.amountExclTax = amountExclTax;
        this.tax = tax;
        this.total = total;
        this.checkCode = checkCode;
        this.sellerName = sellerName;
        this.sellerTaxId = sellerTaxId;
        this.buyerName = buyerName;
        this.buyerTaxId = buyerTaxId;
        this.status = status;
        this.enteredAt = enteredAt;
    }

    String code() {
        return code;
    }

    String number() {
        return number;
    }

    InvoiceType type() {
        return type;
    }

    LocalDate issueDate() {
        return issueDate;
    }

    BigDecimal amountExclTax() {
        return amountExclTax;
    }

    BigDecimal tax() {
        return tax;
    }

    BigDecimal total() {
        return total;
    }

    String checkCode() {
        return checkCode;
    }

    String sellerName() {
        return sellerName;
    }

    String sellerTaxId() {
        return sellerTaxId;
    }

    String buyerName() {
        return buyerName;
    }

    String buyerTaxId() {
        return buyerTaxId;
    }

    InvoiceStatus status() {
        return status;
    }
}
