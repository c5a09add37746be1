//! People (customers and agents) and the departments tickets are routed to.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The backend's own id, as text (numeric ids, emails and usernames all fit).
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub key: String,
    pub label: String,
}

/// The shape check forms and the demo backend share: something@host.tld, no spaces.
/// (Deliverability is the mail server's business.)
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::is_plausible_email;

    #[test]
    fn email_shapes() {
        for ok in ["a@b.ir", "zahra.kazemi@example.ir", "x+tag@mail.co.uk"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in ["", "a", "a@b", "@b.ir", "a@.ir", "a@b.", "a b@c.ir", "a@b@c.ir"] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
