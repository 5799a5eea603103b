package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "client")
class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "external_ref")
    private String externalRef;

    private String industry;

    @Column(name = "account_manager_id")
    private Long accountManagerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientStatus status = ClientStatus.ACTIVE;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_terms", nullable = false)
    private PaymentTerms paymentTerms = PaymentTerms.NET_30;

    @Column(name = "contract_start")
    private LocalDate contractStart;

    @Column(name = "contract_end")
    private LocalDate contractEnd;

    @Column(name = "notice_period_days")
    private Integer noticePeriodDays;

    @Column(name = "contract_mrr")
    private BigDecimal contractMrr;

    private Integer endpoints;

    private String notes;

    @Column(name = "auto_renew", nullable = false)
    private boolean autoRenew = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Client() {
    }

    Client(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(ClientForm form, Instant now) {
        this.name = form.name().trim();
        this.externalRef = ClientForm.blankToNull(form.externalRef());
        this.industry = ClientForm.blankToNull(form.industry());
        this.accountManagerId = form.accountManagerId();
        this.status = form.status() == null ? ClientStatus.ACTIVE : form.status();
        this.paymentTerms = form.paymentTerms() == null ? PaymentTerms.NET_30 : form.paymentTerms();
        this.contractStart = form.contractStart();
        this.contractEnd = form.contractEnd();
        this.noticePeriodDays = form.noticePeriodDays();
        this.contractMrr = form.contractMrr();
        this.endpoints = form.endpoints();
        this.notes = ClientForm.blankToNull(form.notes());
        if (form.autoRenew() != null) {
            this.autoRenew = form.autoRenew();
        }
        this.updatedAt = now;
    }

    /** The values a person edits, by field name, as text for the audit trail and conflict page. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("externalRef", externalRef);
        fields.put("industry", industry);
        fields.put("accountManagerId", accountManagerId);
        fields.put("status", status);
        fields.put("paymentTerms", paymentTerms);
        fields.put("contractStart", contractStart);
        fields.put("contractEnd", contractEnd);
        fields.put("noticePeriodDays", noticePeriodDays);
        fields.put("contractMrr", contractMrr);
        fields.put("endpoints", endpoints);
        fields.put("notes", notes);
        fields.put("autoRenew", autoRenew);
        return fields;
    }

    ClientForm toForm() {
        ClientForm form = new ClientForm(name, externalRef, industry, accountManagerId, status, paymentTerms,
                contractStart, contractEnd, noticePeriodDays, contractMrr, endpoints, notes, version);
        form.setAutoRenew(autoRenew);
        return form;
    }

    void setContractMrr(BigDecimal contractMrr, Instant now) {
        this.contractMrr = contractMrr;
        this.updatedAt = now;
    }

    /** Status in effect today, written by {@link ClientStatuses} from the dated changes. */
    void setStatusInEffect(ClientStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public String getIndustry() {
        return industry;
    }

    public Long getAccountManagerId() {
        return accountManagerId;
    }

    public ClientStatus getStatus() {
        return status;
    }

    public PaymentTerms getPaymentTerms() {
        return paymentTerms;
    }

    public LocalDate getContractStart() {
        return contractStart;
    }

    public LocalDate getContractEnd() {
        return contractEnd;
    }

    public Integer getNoticePeriodDays() {
        return noticePeriodDays;
    }

    public BigDecimal getContractMrr() {
        return contractMrr;
    }

    public Integer getEndpoints() {
        return endpoints;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isAutoRenew() {
        return autoRenew;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
