//! What the signed-in user proves themselves with, and how each backend wants it sent.
//! Kept in `sessionStorage` only (this tab), never in config, attributes or URLs.

use super::wordpress::WpAuth;
use super::BackendKind;
use crate::domain::base64;

/// Stored as lines (`to_stored`), not JSON: serde's enum code cost every bundle ~3 KB.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    #[default]
    None,
    /// An API token: django-helpdesk's DRF token, Request Tracker's auth token.
    Token { token: String },
    /// A user name and password; for WordPress an Application Password.
    Password { user: String, password: String },
    /// WordPress's login cookie plus the REST nonce the embedding page rendered.
    Nonce { nonce: String },
}

/// Without the secrets: credentials never reach logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::None => write!(f, "None"),
            Credentials::Token { .. } => write!(f, "Token(<redacted>)"),
            Credentials::Password { user, .. } => write!(f, "Password({user}, <redacted>)"),
            Credentials::Nonce { .. } => write!(f, "Nonce(<redacted>)"),
        }
    }
}

impl Credentials {
    pub fn is_none(&self) -> bool {
        match self {
            Credentials::None => true,
            Credentials::Token { token } => token.trim().is_empty(),
            Credentials::Password { user, password } => user.trim().is_empty() || password.is_empty(),
            Credentials::Nonce { nonce } => nonce.trim().is_empty(),
        }
    }

    /// The request headers that carry these credentials to a backend of `kind`.
    pub fn headers(&self, kind: BackendKind) -> Vec<(&'static str, String)> {
        if self.is_none() {
            return vec![];
        }
        match (self, kind) {
            (_, kind) if kind.is_wordpress() => self.wp_auth().headers(),
            (Credentials::Token { token }, BackendKind::DjangoHelpdesk) => {
                vec![("Authorization", format!("Token {}", token.trim()))]
            }
            (Credentials::Token { token }, _) => vec![("Authorization", format!("token {}", token.trim()))],
            (Credentials::Password { user, password }, _) => {
                vec![("Authorization", format!("Basic {}", base64::encode(format!("{user}:{password}").as_bytes())))]
            }
            _ => vec![],
        }
    }

    /// Whether requests must carry the site's cookies (WordPress cookie + nonce).
    pub fn with_cookies(&self) -> bool {
        matches!(self, Credentials::Nonce { .. })
    }

    /// The same credentials as the WordPress adapters take them.
    pub fn wp_auth(&self) -> WpAuth {
        match self {
            Credentials::Password { user, password } if !self.is_none() => {
                WpAuth::ApplicationPassword { user: user.clone(), password: password.clone() }
            }
            Credentials::Nonce { nonce } if !self.is_none() => WpAuth::CookieNonce { nonce: nonce.clone() },
            _ => WpAuth::Anonymous,
        }
    }

    /// `token\n<token>`, `password\n<user>\n<password>` or `nonce\n<nonce>`; empty for none.
    pub fn to_stored(&self) -> String {
        match self {
            Credentials::None => String::new(),
            Credentials::Token { token } => format!("token\n{token}"),
            Credentials::Password { user, password } => format!("password\n{user}\n{password}"),
            Credentials::Nonce { nonce } => format!("nonce\n{nonce}"),
        }
    }

    /// The inverse of `to_stored`; anything else is no credentials.
    pub fn from_stored(text: &str) -> Credentials {
        let mut parts = text.splitn(3, '\n');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("token"), Some(token), None) => Credentials::Token { token: token.into() },
            (Some("password"), Some(user), Some(password)) => {
                Credentials::Password { user: user.into(), password: password.into() }
            }
            (Some("nonce"), Some(nonce), None) => Credentials::Nonce { nonce: nonce.into() },
            _ => Credentials::None,
        }
    }

    /// A Request Tracker or django token, if that is what these are.
    pub fn token(&self) -> Option<String> {
        match self {
            Credentials::Token { token } if !token.trim().is_empty() => Some(token.trim().to_owned()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_backend_gets_its_own_header() {
        let token = Credentials::Token { token: " abc123 ".into() };
        assert_eq!(token.headers(BackendKind::DjangoHelpdesk), vec![("Authorization", "Token abc123".to_owned())]);
        assert_eq!(token.headers(BackendKind::RequestTracker), vec![("Authorization", "token abc123".to_owned())]);
        let password = Credentials::Password { user: "agent".into(), password: "p:w".into() };
        let basic = format!("Basic {}", base64::encode(b"agent:p:w"));
        assert_eq!(password.headers(BackendKind::RequestTracker), vec![("Authorization", basic.clone())]);
        assert_eq!(password.headers(BackendKind::FluentSupport), vec![("Authorization", basic)]);
        let nonce = Credentials::Nonce { nonce: "n1".into() };
        assert_eq!(nonce.headers(BackendKind::SupportCandy), vec![("X-WP-Nonce", "n1".to_owned())]);
        assert!(nonce.with_cookies() && !password.with_cookies());
    }

    #[test]
    fn blank_credentials_send_nothing() {
        for blank in [
            Credentials::None,
            Credentials::Token { token: "  ".into() },
            Credentials::Password { user: "agent".into(), password: String::new() },
        ] {
            assert!(blank.is_none(), "{blank:?}");
            assert!(blank.headers(BackendKind::DjangoHelpdesk).is_empty());
            assert_eq!(blank.wp_auth(), WpAuth::Anonymous);
        }
    }

    #[test]
    fn stored_form_round_trips_and_debug_hides_secrets() {
        let c = Credentials::Password { user: "agent".into(), password: "s3cret\npass".into() };
        assert_eq!(Credentials::from_stored(&c.to_stored()), c);
        for other in [Credentials::Token { token: "t-1".into() }, Credentials::Nonce { nonce: "n".into() }, Credentials::None] {
            assert_eq!(Credentials::from_stored(&other.to_stored()), other);
        }
        assert_eq!(Credentials::from_stored("{\"token\":{\"token\":\"x\"}}"), Credentials::None);
        assert_eq!(Credentials::from_stored("token"), Credentials::None);
        let shown = format!("{c:?} {:?}", Credentials::Token { token: "tok-9".into() });
        assert!(!shown.contains("s3cret") && !shown.contains("tok-9"), "{shown}");
    }
}
