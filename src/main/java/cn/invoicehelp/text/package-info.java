/**
 * Text: the one normalisation of what people type (full-width digits and letters, ideographic spaces, ￥), shared by
 * the invoice lookup, the FAQ search and the assistant so that all three read the same characters. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.text;
