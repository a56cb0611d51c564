/** Console: agent and admin accounts, login and the web security of the whole application. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.console;
