package cn.invoicehelp.invoice.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface Invoices extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByCodeAndNumber(String code, String number);
}
