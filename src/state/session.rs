//! The backend each shell talks to and who is using it: the dashboard's agent, the
//! portal's customer. A `revision` counter lets views refetch after a change.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::demo::{self, DemoBackend};
use crate::api::django_helpdesk::DjangoHelpdeskBackend;
use crate::api::request_tracker::RequestTrackerBackend;
use crate::api::{ApiError, Backend, BackendKind, Viewer};
use crate::domain::Vocabulary;
use crate::platform::{BrowserStorage, KeyValue};
use crate::state::config::RuntimeConfig;
use crate::state::prefs::Prefs;

const IDENTITY_KEY: &str = "pishkhan.portal.identity.v1";

/// The customer the portal is acting for: who submitted, and whose tickets to list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerIdentity {
    pub name: String,
    pub email: String,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub backend: Memo<Backend>,
    /// Bumped after every successful change; list and thread resources read it.
    pub revision: RwSignal<u64>,
    vocabulary: LocalResource<Result<Vocabulary, ApiError>>,
}

impl Session {
    pub fn changed(&self) {
        self.revision.update(|r| *r += 1);
    }

    pub fn backend(&self) -> Backend {
        self.backend.get_untracked()
    }

    /// The backend's statuses, priorities, departments and agents; empty until loaded.
    /// Reactive: views that read it update when it arrives.
    pub fn vocabulary(&self) -> Vocabulary {
        self.vocabulary.get().and_then(Result::ok).unwrap_or_default()
    }

    /// Why the vocabulary could not be loaded, if it could not.
    pub fn vocabulary_error(&self) -> Option<ApiError> {
        self.vocabulary.get().and_then(Result::err)
    }
}

fn new_session(backend: Memo<Backend>) -> Session {
    let vocabulary = LocalResource::new(move || {
        let backend = backend.get();
        async move { backend.vocabulary().await }
    });
    Session { backend, revision: RwSignal::new(0), vocabulary }
}

/// Where the signed-in user's API token lives: this tab only, never `localStorage`.
pub const TOKEN_KEY: &str = "pishkhan.credentials.v1.token";

fn backend_for(config: &RuntimeConfig, viewer: Viewer, prefs: Prefs) -> Backend {
    let base = config.api_base.clone().unwrap_or_default();
    let token = || BrowserStorage::Session.get(TOKEN_KEY).filter(|t| !t.is_empty());
    let (queues, agents) = (config.departments.clone(), config.agents.clone());
    match config.backend {
        BackendKind::Demo => Backend::Demo(DemoBackend { viewer, lang: prefs.lang, seed_count: config.demo_tickets }),
        BackendKind::DjangoHelpdesk => {
            Backend::DjangoHelpdesk(DjangoHelpdeskBackend { base, token: token(), queues, agents, viewer })
        }
        BackendKind::RequestTracker => {
            Backend::RequestTracker(RequestTrackerBackend { base, token: token(), queues, agents, viewer })
        }
    }
}

/// The dashboard's session: the demo signs the first demo agent in.
pub fn provide_agent_session(config: RuntimeConfig, prefs: RwSignal<Prefs>) -> Session {
    let viewer = match demo::vocabulary::agents().into_iter().next() {
        Some(a) => Viewer::Agent { id: a.id, name: a.name },
        None => Viewer::Agent { id: "1".into(), name: "Agent".into() },
    };
    let backend = Memo::new(move |_| backend_for(&config, viewer.clone(), prefs.get()));
    let session = new_session(backend);
    provide_context(session);
    session
}

pub fn load_identity() -> Option<CustomerIdentity> {
    BrowserStorage::Local
        .get(IDENTITY_KEY)
        .and_then(|raw| serde_json::from_str::<CustomerIdentity>(&raw).ok())
        .filter(|i| !i.email.is_empty())
}

pub fn save_identity(identity: &CustomerIdentity) {
    if let Ok(raw) = serde_json::to_string(identity) {
        let _ = BrowserStorage::Local.set(IDENTITY_KEY, &raw);
    }
}

/// The portal's session; `identity` is who the customer said they are (the demo has no
/// login; a WordPress embed gets it from the logged-in user).
pub fn provide_portal_session(
    config: RuntimeConfig,
    prefs: RwSignal<Prefs>,
    identity: RwSignal<Option<CustomerIdentity>>,
) -> Session {
    let backend = Memo::new(move |_| {
        let who = identity.get().unwrap_or_default();
        backend_for(&config, Viewer::Customer { name: who.name, email: who.email }, prefs.get())
    });
    let session = new_session(backend);
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
