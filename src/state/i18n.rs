//! UI messages in Persian and English. Views name a `Msg`; the locale files hold the text,
//! and an exhaustive `match` in each keeps the two complete.

mod en;
mod fa;

use leptos::prelude::*;

use crate::api::probe::Diagnosis;
use crate::api::ApiError;
use crate::calendar::Lang;
use crate::domain::{PriorityLevel, StatusKind};
use crate::state::prefs::Prefs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    Dashboard,
    SupportCenter,
    CustomerPortal,
    Tickets,
    MyTickets,
    NewTicket,
    Language,
    Calendar,
    CalendarJalali,
    CalendarGregorian,
    ResetDemo,
    ConfirmDemoReset,
    PageNotFound,
    Loading,
    Retry,
    Search,
    SearchPlaceholder,
    AllStatuses,
    ActiveStatuses,
    AllPriorities,
    AllDepartments,
    NoTicketsMatch,
    PartialResults,
    /// {0}: count
    TicketCount,
    /// {0}–{1} of {2}
    RangeOfTotal,
    Pages,
    PreviousPage,
    NextPage,
    Number,
    Subject,
    Customer,
    Agent,
    Department,
    Status,
    Priority,
    Assignee,
    Unassigned,
    Updated,
    Created,
    InternalNote,
    PublicReply,
    Message,
    ReplyPlaceholder,
    NotePlaceholder,
    SendReply,
    AddNote,
    AttachFiles,
    Remove,
    /// {0}: file name, {1}: limit in KB
    FileTooLarge,
    /// {0}: file name
    FileTypeNotAllowed,
    /// {0}: file name
    FileUnreadable,
    YourName,
    YourEmail,
    ChooseDepartment,
    DefaultPriority,
    SubmitTicket,
    Sending,
    TicketSubmitted,
    YourTrackingNumber,
    SubmittedWithoutTracking,
    TrackingNumber,
    ViewTicket,
    SubmitAnother,
    NotYou,
    TrackPlaceholder,
    NoOwnTickets,
    ShowMyTickets,
    CloseTicket,
    Reopen,
    ClosedReopenToReply,
    StatusNew,
    StatusOpen,
    StatusInProgress,
    StatusWaitingOnCustomer,
    StatusOnHold,
    StatusResolved,
    StatusClosed,
    PriorityLow,
    PriorityMedium,
    PriorityHigh,
    PriorityCritical,
    ErrNetwork,
    ErrTimeout,
    ErrUnauthorized,
    ErrForbidden,
    ErrNotFound,
    ErrConflict,
    ErrTicketClosed,
    ErrValidation,
    /// {0}: HTTP status
    ErrServer,
    /// {0}: where decoding failed
    ErrPayload,
    ErrUnsupported,
    ErrStorage,
    FieldRequired,
    FieldInvalidEmail,
    FieldTooLong,
    FieldUnknown,
    FieldTooMany,
    FieldTooLarge,
    FieldTypeNotAllowed,
    FieldNotYours,
    FieldInvalidCredentials,
    FieldInvalid,
    Connect,
    ConnectIntro,
    BackendKindLabel,
    BaseUrl,
    AuthMethod,
    AuthToken,
    AuthApiKey,
    AuthPassword,
    AuthAppPassword,
    UserName,
    Password,
    AppPasswordHint,
    TestConnection,
    ConnectButton,
    Testing,
    ChangeConnection,
    SignOut,
    DiagConnected,
    DiagConnectedCustomer,
    DiagNothingToTest,
    DiagUnreachable,
    DiagCorsBlocked,
    DiagWrongUrl,
    DiagNotThisBackend,
    DiagRestDisabled,
    DiagPluginMissing,
    DiagNoCredentials,
    DiagBadCredentials,
    DiagForbidden,
    DiagSubmitOnly,
    DiagServer,
    BackendMissingFromBuild,
}

pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Fa => fa::text(msg),
        Lang::En => en::text(msg),
    }
}

/// Replaces `{0}`, `{1}`, … in a message with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

pub fn status_kind_msg(kind: StatusKind) -> Msg {
    match kind {
        StatusKind::New => Msg::StatusNew,
        StatusKind::Open => Msg::StatusOpen,
        StatusKind::InProgress => Msg::StatusInProgress,
        StatusKind::WaitingOnCustomer => Msg::StatusWaitingOnCustomer,
        StatusKind::OnHold => Msg::StatusOnHold,
        StatusKind::Resolved => Msg::StatusResolved,
        StatusKind::Closed => Msg::StatusClosed,
    }
}

pub fn priority_level_msg(level: PriorityLevel) -> Msg {
    match level {
        PriorityLevel::Low => Msg::PriorityLow,
        PriorityLevel::Medium => Msg::PriorityMedium,
        PriorityLevel::High => Msg::PriorityHigh,
        PriorityLevel::Critical => Msg::PriorityCritical,
    }
}

/// The message for a field error code sent by a backend or our own checks.
pub fn field_error_msg(code: &str) -> Msg {
    match code {
        "required" => Msg::FieldRequired,
        "invalid_email" => Msg::FieldInvalidEmail,
        "too_long" => Msg::FieldTooLong,
        "unknown" => Msg::FieldUnknown,
        "too_many" => Msg::FieldTooMany,
        "too_large" => Msg::FieldTooLarge,
        "type_not_allowed" => Msg::FieldTypeNotAllowed,
        "not_yours" => Msg::FieldNotYours,
        "invalid_credentials" => Msg::FieldInvalidCredentials,
        _ => Msg::FieldInvalid,
    }
}

/// One sentence for any error, in `lang`.
pub fn error_sentence(lang: Lang, error: &ApiError) -> String {
    let t = |m| text(lang, m);
    match error {
        ApiError::Network(_) => t(Msg::ErrNetwork).to_owned(),
        ApiError::Timeout => t(Msg::ErrTimeout).to_owned(),
        ApiError::Unauthorized => t(Msg::ErrUnauthorized).to_owned(),
        ApiError::Forbidden => t(Msg::ErrForbidden).to_owned(),
        ApiError::NotFound => t(Msg::ErrNotFound).to_owned(),
        ApiError::Conflict(what) if what == "closed" => t(Msg::ErrTicketClosed).to_owned(),
        ApiError::Conflict(_) => t(Msg::ErrConflict).to_owned(),
        ApiError::Validation(errors) => {
            let details: Vec<String> =
                errors.iter().map(|e| format!("{}: {}", e.field, t(field_error_msg(&e.message)))).collect();
            format!("{} {}", t(Msg::ErrValidation), details.join("، "))
        }
        ApiError::Server { status, .. } => fill(t(Msg::ErrServer), &[&status.to_string()]),
        ApiError::UnexpectedPayload { path, .. } => fill(t(Msg::ErrPayload), &[path]),
        ApiError::Unsupported(_) => t(Msg::ErrUnsupported).to_owned(),
        ApiError::Storage(_) => t(Msg::ErrStorage).to_owned(),
    }
}

/// What the connection test found, as one sentence.
pub fn diagnosis_sentence(lang: Lang, diagnosis: &Diagnosis) -> String {
    let t = |m| text(lang, m);
    match diagnosis {
        Diagnosis::Connected { as_customer: false } => t(Msg::DiagConnected).to_owned(),
        Diagnosis::Connected { as_customer: true } => t(Msg::DiagConnectedCustomer).to_owned(),
        Diagnosis::NothingToTest => t(Msg::DiagNothingToTest).to_owned(),
        Diagnosis::Unreachable { url } => fill(t(Msg::DiagUnreachable), &[url]),
        Diagnosis::CorsBlocked { url } => fill(t(Msg::DiagCorsBlocked), &[url]),
        Diagnosis::WrongUrl { url } => fill(t(Msg::DiagWrongUrl), &[url]),
        Diagnosis::NotThisBackend { url } => fill(t(Msg::DiagNotThisBackend), &[url]),
        Diagnosis::RestDisabled { url } => fill(t(Msg::DiagRestDisabled), &[url]),
        Diagnosis::PluginMissing { namespace } => fill(t(Msg::DiagPluginMissing), &[namespace]),
        Diagnosis::NoCredentials => t(Msg::DiagNoCredentials).to_owned(),
        Diagnosis::BadCredentials => t(Msg::DiagBadCredentials).to_owned(),
        Diagnosis::Forbidden => t(Msg::DiagForbidden).to_owned(),
        Diagnosis::SubmitOnly => t(Msg::DiagSubmitOnly).to_owned(),
        Diagnosis::Server { status } => fill(t(Msg::DiagServer), &[&status.to_string()]),
    }
}

/// Reactive access to the messages in the current language.
#[derive(Clone, Copy)]
pub struct I18n {
    prefs: RwSignal<Prefs>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.prefs.get().lang
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        text(self.lang(), msg)
    }

    pub fn t_untracked(&self, msg: Msg) -> &'static str {
        text(self.prefs.get_untracked().lang, msg)
    }

    pub fn fill(&self, msg: Msg, args: &[&str]) -> String {
        fill(self.t(msg), args)
    }

    pub fn fill_untracked(&self, msg: Msg, args: &[&str]) -> String {
        fill(self.t_untracked(msg), args)
    }

    pub fn field_error(&self, code: &str) -> &'static str {
        self.t(field_error_msg(code))
    }

    pub fn error(&self, error: &ApiError) -> String {
        error_sentence(self.lang(), error)
    }
}

pub fn provide_i18n(prefs: RwSignal<Prefs>) -> I18n {
    let i18n = I18n { prefs };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_fill_in_order() {
        assert_eq!(fill("{0}–{1} از {2}", &["۱", "۵۰", "۳۲۰"]), "۱–۵۰ از ۳۲۰");
    }

    #[test]
    fn every_error_has_a_sentence_in_both_languages() {
        let errors = [
            ApiError::Network("x".into()),
            ApiError::Timeout,
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::Conflict("closed".into()),
            ApiError::validation("subject", "required"),
            ApiError::Server { status: 502, message: String::new() },
            ApiError::UnexpectedPayload { path: "tickets[3].status".into(), detail: String::new() },
            ApiError::Unsupported("notes".into()),
            ApiError::Storage("quota".into()),
        ];
        for lang in [Lang::Fa, Lang::En] {
            for e in &errors {
                let s = error_sentence(lang, e);
                assert!(s.chars().count() > 8, "{lang:?} {e:?}: {s}");
            }
        }
        assert!(error_sentence(Lang::En, &errors[7]).contains("502"));
        assert!(error_sentence(Lang::Fa, &errors[8]).contains("tickets[3].status"));
        assert_ne!(error_sentence(Lang::Fa, &errors[0]), error_sentence(Lang::En, &errors[0]));
    }

    #[test]
    fn every_diagnosis_names_what_to_fix_in_both_languages() {
        let url = "http://127.0.0.1:9/helpdesk/api/";
        let all = [
            Diagnosis::Connected { as_customer: false },
            Diagnosis::Connected { as_customer: true },
            Diagnosis::NothingToTest,
            Diagnosis::Unreachable { url: url.into() },
            Diagnosis::CorsBlocked { url: url.into() },
            Diagnosis::WrongUrl { url: url.into() },
            Diagnosis::NotThisBackend { url: url.into() },
            Diagnosis::RestDisabled { url: url.into() },
            Diagnosis::PluginMissing { namespace: "supportcandy/v2" },
            Diagnosis::NoCredentials,
            Diagnosis::BadCredentials,
            Diagnosis::Forbidden,
            Diagnosis::SubmitOnly,
            Diagnosis::Server { status: 502 },
        ];
        for lang in [Lang::Fa, Lang::En] {
            let sentences: Vec<String> = all.iter().map(|d| diagnosis_sentence(lang, d)).collect();
            for (d, s) in all.iter().zip(&sentences) {
                assert!(!s.contains('{'), "{lang:?} {d:?}: {s}");
                if let Diagnosis::Unreachable { .. } | Diagnosis::CorsBlocked { .. } | Diagnosis::WrongUrl { .. } = d {
                    assert!(s.contains(url), "{lang:?} {d:?}: {s}");
                }
            }
            let mut unique = sentences.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), sentences.len(), "{lang:?}: two diagnoses read the same");
        }
        assert!(diagnosis_sentence(Lang::En, &Diagnosis::CorsBlocked { url: url.into() }).contains("CORS"));
        assert!(diagnosis_sentence(Lang::Fa, &all[8]).contains("supportcandy/v2"));
    }

    #[test]
    fn placeholder_counts_match_between_locales() {
        let all = [
            Msg::TicketCount,
            Msg::RangeOfTotal,
            Msg::FileTooLarge,
            Msg::FileTypeNotAllowed,
            Msg::FileUnreadable,
            Msg::ErrServer,
            Msg::ErrPayload,
            Msg::DiagUnreachable,
            Msg::DiagCorsBlocked,
            Msg::DiagWrongUrl,
            Msg::DiagNotThisBackend,
            Msg::DiagRestDisabled,
            Msg::DiagPluginMissing,
            Msg::DiagServer,
            Msg::BackendMissingFromBuild,
        ];
        for m in all {
            for i in 0..3 {
                let p = format!("{{{i}}}");
                assert_eq!(fa::text(m).contains(&p), en::text(m).contains(&p), "{m:?} {p}");
            }
        }
    }
}
