//! The backend each shell talks to and who is using it: the dashboard's agent, the
//! portal's customer. A `revision` counter lets views refetch after a change.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "demo")]
use crate::api::demo::{self, DemoBackend};
#[cfg(feature = "django-helpdesk")]
use crate::api::django_helpdesk::DjangoHelpdeskBackend;
#[cfg(feature = "awesome-support")]
use crate::api::awesome_support::AwesomeSupportBackend;
#[cfg(feature = "fluent-support")]
use crate::api::fluent_support::FluentSupportBackend;
#[cfg(feature = "request-tracker")]
use crate::api::request_tracker::RequestTrackerBackend;
#[cfg(feature = "supportcandy")]
use crate::api::supportcandy::SupportCandyBackend;
#[cfg(feature = "wsdesk")]
use crate::api::wsdesk::WsDeskBackend;
use crate::api::{ApiError, Backend, BackendKind, Credentials, Viewer};
use crate::domain::Vocabulary;
use crate::platform::{BrowserStorage, KeyValue};
use crate::state::config::RuntimeConfig;
use crate::state::connection::{load_credentials, provide_connection, Connection};
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
    /// With the backend it was loaded from: while a new backend's loads, the resource still
    /// holds the old one's answer (an old "unauthorized" would send the user back to sign in).
    vocabulary: LocalResource<(Backend, Result<Vocabulary, ApiError>)>,
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
        self.current_vocabulary().and_then(Result::ok).unwrap_or_default()
    }

    /// Why the vocabulary could not be loaded, if it could not.
    pub fn vocabulary_error(&self) -> Option<ApiError> {
        self.current_vocabulary().and_then(Result::err)
    }

    fn current_vocabulary(&self) -> Option<Result<Vocabulary, ApiError>> {
        let backend = self.backend.get();
        self.vocabulary.get().filter(|(from, _)| *from == backend).map(|(_, result)| result)
    }
}

fn new_session(backend: Memo<Backend>) -> Session {
    let vocabulary = LocalResource::new(move || {
        let backend = backend.get();
        async move {
            let result = backend.vocabulary().await;
            (backend, result)
        }
    });
    Session { backend, revision: RwSignal::new(0), vocabulary }
}

// Which parameters get used depends on the adapters this build includes.
#[allow(unused_variables)]
fn backend_for(
    config: &RuntimeConfig,
    connection: &Connection,
    credentials: &Credentials,
    viewer: Viewer,
    prefs: Prefs,
) -> Backend {
    match connection.kind {
        #[cfg(feature = "demo")]
        BackendKind::Demo => Backend::Demo(DemoBackend { viewer, lang: prefs.lang, seed_count: config.demo_tickets }),
        #[cfg(feature = "django-helpdesk")]
        BackendKind::DjangoHelpdesk => Backend::DjangoHelpdesk(DjangoHelpdeskBackend {
            base: connection.base.clone(),
            credentials: credentials.clone(),
            queues: config.departments.clone(),
            agents: config.agents.clone(),
            viewer,
        }),
        #[cfg(feature = "request-tracker")]
        BackendKind::RequestTracker => Backend::RequestTracker(RequestTrackerBackend {
            base: connection.base.clone(),
            credentials: credentials.clone(),
            queues: config.departments.clone(),
            agents: config.agents.clone(),
            viewer,
        }),
        #[cfg(feature = "fluent-support")]
        BackendKind::FluentSupport => Backend::FluentSupport(FluentSupportBackend {
            mailboxes: config.departments.clone(),
            agents: config.agents.clone(),
            ..FluentSupportBackend::new(connection.base.clone(), credentials.wp_auth(), viewer)
        }),
        #[cfg(feature = "awesome-support")]
        BackendKind::AwesomeSupport => Backend::AwesomeSupport(AwesomeSupportBackend {
            site: connection.base.clone(),
            auth: credentials.wp_auth(),
            viewer,
        }),
        #[cfg(feature = "supportcandy")]
        BackendKind::SupportCandy => Backend::SupportCandy(SupportCandyBackend {
            site: connection.base.clone(),
            auth: credentials.wp_auth(),
            viewer,
            vocabulary: None,
        }),
        #[cfg(feature = "wsdesk")]
        BackendKind::Wsdesk => Backend::Wsdesk(WsDeskBackend {
            site: connection.base.clone(),
            api_key: credentials.token().unwrap_or_default(),
        }),
        // Reached only in a bundle built without some adapters.
        #[allow(unreachable_patterns)]
        other => Backend::Unavailable(other),
    }
}

/// Who the dashboard acts as: the demo signs its first agent in; a server knows its user
/// from the credentials, so the adapters use no id of ours.
#[cfg(feature = "demo")]
fn agent_viewer() -> Viewer {
    match demo::vocabulary::agents().into_iter().next() {
        Some(a) => Viewer::Agent { id: a.id, name: a.name },
        None => Viewer::Agent { id: String::new(), name: String::new() },
    }
}

#[cfg(not(feature = "demo"))]
fn agent_viewer() -> Viewer {
    Viewer::Agent { id: String::new(), name: String::new() }
}

/// The dashboard's session over the connection the connection screen manages; the demo
/// signs the first demo agent in.
pub fn provide_agent_session(config: RuntimeConfig, prefs: RwSignal<Prefs>) -> Session {
    let viewer = agent_viewer();
    let state = provide_connection(&config);
    let backend = Memo::new(move |_| {
        backend_for(&config, &state.connection.get(), &state.credentials.get(), viewer.clone(), prefs.get())
    });
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
    let connection = Connection::resolve(&config, &BrowserStorage::Local);
    let credentials = load_credentials(&BrowserStorage::Session);
    let backend = Memo::new(move |_| {
        let who = identity.get().unwrap_or_default();
        let viewer = Viewer::Customer { name: who.name, email: who.email };
        backend_for(&config, &connection, &credentials, viewer, prefs.get())
    });
    let session = new_session(backend);
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
