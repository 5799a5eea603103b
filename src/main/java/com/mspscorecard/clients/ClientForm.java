package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a person (or an API call) sends to create or edit a client. {@code version} is the
 * version the editor started from; a stale version is refused as a conflict. A JavaBean, not a
 * record: a value that cannot be converted ("ten" endpoints) must still leave the other typed
 * values on the page, which constructor binding cannot do.
 */
public class ClientForm {

    private String name;

    private String externalRef;

    private String industry;

    private Long accountManagerId;

    private ClientStatus status;

    private PaymentTerms paymentTerms;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractStart;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractEnd;

    private Integer noticePeriodDays;

    private BigDecimal contractMrr;

    private Integer endpoints;

    private String notes;

    private Integer version;

    /** Null from an API call that leaves it out: unchanged (new clients renew on their own). */
    private Boolean autoRenew;

    public ClientForm() {
    }

    ClientForm(String name, String externalRef, String industry, Long accountManagerId, ClientStatus status, PaymentTerms paymentTerms, LocalDate contractStart, LocalDate contractEnd, Integer noticePeriodDays, BigDecimal contractMrr, Integer endpoints, String notes, Integer version) {
        this.name = name;
        this.externalRef = externalRef;
        this.industry = industry;
        this.accountManagerId = accountManagerId;
        this.status = status;
        this.paymentTerms = paymentTerms;
        this.contractStart = contractStart;
        this.contractEnd = contractEnd;
        this.noticePeriodDays = noticePeriodDays;
        this.contractMrr = contractMrr;
        this.endpoints = endpoints;
        this.notes = notes;
        this.version = version;
    }

    static ClientForm empty(Long accountManagerId) {
        ClientForm form = new ClientForm(null, null, null, accountManagerId, ClientStatus.ACTIVE, PaymentTerms.NET_30,
                null, null, null, null, null, null, null);
        form.setAutoRenew(true);
        return form;
    }

    public ClientForm withVersion(int newVersion) {
        ClientForm form = new ClientForm(name, externalRef, industry, accountManagerId, status, paymentTerms,
                contractStart, contractEnd, noticePeriodDays, contractMrr, endpoints, notes, newVersion);
        form.setAutoRenew(autoRenew);
        return form;
    }

    Boolean autoRenew() {
        return autoRenew;
    }

    public Boolean getAutoRenew() {
        return autoRenew;
    }

    public void setAutoRenew(Boolean autoRenew) {
        this.autoRenew = autoRenew;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    String name() {
        return name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    String externalRef() {
        return externalRef;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public void setExternalRef(String externalRef) {
        this.externalRef = externalRef;
    }

    String industry() {
        return industry;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    Long accountManagerId() {
        return accountManagerId;
    }

    public Long getAccountManagerId() {
        return accountManagerId;
    }

    public void setAccountManagerId(Long accountManagerId) {
        this.accountManagerId = accountManagerId;
    }

    ClientStatus status() {
        return status;
    }

    public ClientStatus getStatus() {
        return status;
    }

    public void setStatus(ClientStatus status) {
        this.status = status;
    }

    PaymentTerms paymentTerms() {
        return paymentTerms;
    }

    public PaymentTerms getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(PaymentTerms paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    LocalDate contractStart() {
        return contractStart;
    }

    public LocalDate getContractStart() {
        return contractStart;
    }

    public void setContractStart(LocalDate contractStart) {
        this.contractStart = contractStart;
    }

    LocalDate contractEnd() {
        return contractEnd;
    }

    public LocalDate getContractEnd() {
        return contractEnd;
    }

    public void setContractEnd(LocalDate contractEnd) {
        this.contractEnd = contractEnd;
    }

    Integer noticePeriodDays() {
        return noticePeriodDays;
    }

    public Integer getNoticePeriodDays() {
        return noticePeriodDays;
    }

    public void setNoticePeriodDays(Integer noticePeriodDays) {
        this.noticePeriodDays = noticePeriodDays;
    }

    BigDecimal contractMrr() {
        return contractMrr;
    }

    public BigDecimal getContractMrr() {
        return contractMrr;
    }

    public void setContractMrr(BigDecimal contractMrr) {
        this.contractMrr = contractMrr;
    }

    Integer endpoints() {
        return endpoints;
    }

    public Integer getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(Integer endpoints) {
        this.endpoints = endpoints;
    }

    String notes() {
        return notes;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    Integer version() {
        return version;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
