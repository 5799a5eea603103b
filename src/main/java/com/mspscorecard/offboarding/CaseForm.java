package com.mspscorecard.offboarding;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that opens a case: what the owner decided, why, when the client leaves, and the letter. */
public class CaseForm {

    private String decision;
    private String reasons;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate exitDate;
    private boolean confirmEarly;
    private String letterLanguage = "en";
    private String letter;

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public LocalDate getExitDate() {
        return exitDate;
    }

    public void setExitDate(LocalDate exitDate) {
        this.exitDate = exitDate;
    }

    public boolean isConfirmEarly() {
        return confirmEarly;
    }

    public void setConfirmEarly(boolean confirmEarly) {
        this.confirmEarly = confirmEarly;
    }

    public String getLetterLanguage() {
        return letterLanguage;
    }

    public void setLetterLanguage(String letterLanguage) {
        this.letterLanguage = letterLanguage;
    }

    public String getLetter() {
        return letter;
    }

    public void setLetter(String letter) {
        this.letter = letter;
    }
}
