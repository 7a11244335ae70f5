//! The route table: each `/api/v1` route is named once. A handler's `#[utoipa::path]` says its
//! method and path; `routes!` puts the handler in the table, which mounts it there for actix-web
//! and gives the OpenAPI document its entry, so the server and the document cannot disagree.
//!
//! The table also answers 405 for the methods a path does not take, naming those it does.

use actix_web::http::Method;
use actix_web::{FromRequest, Handler, HttpResponse, Responder, web};
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

use crate::error::ApiError;

/// Where every route is mounted: the table's paths are under it.
pub const PREFIX: &str = "/api/v1";

/// One path and the methods it takes, in the order they were added.
struct Resource {
    path: String,
    routes: Vec<(HttpMethod, actix_web::Route)>,
}

/// One route's entry in the OpenAPI document.
struct Entry {
    path: String,
    methods: Vec<HttpMethod>,
    operation: Operation,
    schemas: Vec<(String, RefOr<Schema>)>,
}

/// Every route, in the order they were added: actix-web tries paths in that order, so a literal
/// path (`/staff/people/search`) goes before one with a parameter in its place.
#[derive(Default)]
pub struct Routes {
    resources: Vec<Resource>,
    entries: Vec<Entry>,
}

impl Routes {
    /// Adds `handler` at the method and path of its OpenAPI entry `P` (use `routes!`).
    pub fn add<P, F, Args>(&mut self, handler: F)
    where
        P: utoipa::Path + utoipa::__dev::SchemaReferences + for<'t> utoipa::__dev::Tags<'t>,
        F: Handler<Args> + Clone,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let path = P::path();
        let methods = P::methods();
        let within = path
            .strip_prefix(PREFIX)
            .unwrap_or_else(|| panic!("{path} is not under {PREFIX}"))
            .to_owned();
        let at = match self.resources.iter().position(|r| r.path == within) {
            Some(at) => at,
            None => {
                self.resources.push(Resource {
                    path: within,
                    routes: Vec::new(),
                });
                self.resources.len() - 1
            }
        };
        for method in &methods {
            let route = web::method(actix_method(method)).to(handler.clone());
            self.resources[at].routes.push((method.clone(), route));
        }
        let mut operation = P::operation();
        operation
            .tags
            .get_or_insert_with(Vec::new)
            .extend(P::tags().into_iter().map(str::to_owned));
        let mut schemas = Vec::new();
        P::schemas(&mut schemas);
        self.entries.push(Entry {
            path,
            methods,
            operation,
            schemas,
        });
    }

    /// Mounts every route; each path answers other methods with a 405 naming its own.
    pub fn mount(self, cfg: &mut web::ServiceConfig) {
        for resource in self.resources {
            let allow = allow(resource.routes.iter().map(|(method, _)| method));
            let mut mounted = web::resource(resource.path);
            for (_, route) in resource.routes {
                mounted = mounted.route(route);
            }
            cfg.service(mounted.default_service(web::to(move || {
                let allow = allow.clone();
                async move { Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow }) }
            })));
        }
    }

    /// Puts every route's entry, and the schemas it refers to, in the document.
    pub fn document(self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for entry in self.entries {
            components.schemas.extend(entry.schemas);
            openapi
                .paths
                .add_path_operation(entry.path, entry.methods, entry.operation);
        }
    }
}

/// `routes!(table; list::list_people, details::get_person)`: adds each handler with the
/// OpenAPI entry `#[utoipa::path]` made for it beside it.
#[macro_export]
macro_rules! routes {
    ($table:expr; $($module:ident :: $handler:ident),+ $(,)?) => {
        paste::paste! {
            $( $table.add::<$module::[<__path_ $handler>], _, _>($module::$handler); )+
        }
    };
}

fn actix_method(method: &HttpMethod) -> Method {
    match method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Delete => Method::DELETE,
        HttpMethod::Options => Method::OPTIONS,
        HttpMethod::Head => Method::HEAD,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Trace => Method::TRACE,
    }
}

/// The `Allow` header's list: the conventional order, whatever the order of adding.
fn allow<'a>(methods: impl Iterator<Item = &'a HttpMethod>) -> String {
    let mut names: Vec<(usize, String)> = methods
        .map(|method| {
            let name = actix_method(method).as_str().to_owned();
            let rank = ["GET", "POST", "PUT", "PATCH", "DELETE"]
                .iter()
                .position(|known| *known == name)
                .unwrap_or(usize::MAX);
            (rank, name)
        })
        .collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|(_, name)| name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_route_is_added_twice() {
        let table = crate::routes::table();
        let mut seen = HashSet::new();
        for resource in &table.resources {
            for (method, _) in &resource.routes {
                let method = actix_method(method);
                assert!(
                    seen.insert((resource.path.clone(), method.clone())),
                    "{method} {} is added twice",
                    resource.path
                );
            }
        }
        assert_eq!(seen.len(), table.entries.len());
    }

    #[test]
    fn a_path_names_the_methods_it_takes_in_the_usual_order() {
        let methods = [HttpMethod::Delete, HttpMethod::Get, HttpMethod::Put];
        assert_eq!(allow(methods.iter()), "GET, PUT, DELETE");
    }
}
