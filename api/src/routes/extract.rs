//! The JSON body and query string extractors every route uses. Like actix-web's own, but a
//! value of the wrong kind (an unknown status, text where a number goes, a field this route does
//! not take) is answered 422 with the field named, as every other validation error is; only a
//! body that is not JSON at all is a 400. `serde_path_to_error` finds the field's path.

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::{FromRequest, HttpMessage, HttpRequest, mime, web};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The most bytes a body may have, for the 413's wording (set with `web::PayloadConfig`).
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON request body.
#[derive(Debug)]
pub struct Json<T>(pub T);

/// A query string.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = json_body(req, payload);
        Box::pin(async move {
            let bytes = body.await?;
            let mut reader = serde_json::Deserializer::from_slice(&bytes);
            let value = serde_path_to_error::deserialize(&mut reader).map_err(|error| {
                let path = error.path().to_string();
                let inner = error.into_inner();
                if inner.is_data() {
                    field_error(&path, &inner.to_string())
                } else {
                    ApiError::MalformedBody(inner.to_string())
                }
            })?;
            reader
                .end()
                .map_err(|e| ApiError::MalformedBody(e.to_string()))?;
            Ok(Self(value))
        })
    }
}

/// A JSON body kept as its text, for a route that reports mistakes by line (a form definition
/// being previewed); checked for its type and size as any JSON body is.
#[derive(Debug)]
pub struct JsonText(pub String);

impl FromRequest for JsonText {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = json_body(req, payload);
        Box::pin(async move {
            let bytes = body.await?;
            String::from_utf8(bytes.to_vec())
                .map(Self)
                .map_err(|e| ApiError::MalformedBody(e.to_string()))
        })
    }
}

/// The bytes of a JSON body: refused with 415 unless its type is JSON (`application/json` or
/// `…+json`), with 413 over the limit.
fn json_body(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<web::Bytes, ApiError>> + use<> {
    let is_json = req
        .mime_type()
        .ok()
        .flatten()
        .is_some_and(|mime| mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON));
    // The limit itself is PayloadConfig's, which the body extractor applies.
    let limit = req.app_data::<BodyLimit>().map_or(0, |l| l.0);
    let body = web::Bytes::from_request(req, payload);
    async move {
        if !is_json {
            return Err(ApiError::UnsupportedMediaType {
                expected: "application/json",
            });
        }
        body.await
            .map_err(|error| match error.as_error::<PayloadError>() {
                Some(PayloadError::Overflow) => ApiError::PayloadTooLarge { limit },
                _ => ApiError::MalformedBody(error.to_string()),
            })
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(req.query_string().as_bytes());
        let read = serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs))
            .map(Self)
            .map_err(|error| {
                let path = error.path().to_string();
                field_error(&path, &error.into_inner().to_string())
            });
        std::future::ready(read)
    }
}

/// A 422 naming the field a value of the wrong kind was given for. The path is where the
/// deserializer stood: for a missing field, that is the object holding it, so the field's own
/// name (from the message) is added. The message is the JSON reader's own, in English whatever
/// Accept-Language asks: only a client's mistake makes it, never a person's.
fn field_error(path: &str, message: &str) -> ApiError {
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned();
    let named = ["missing field `", "unknown field `"]
        .iter()
        .find_map(|start| message.strip_prefix(start)?.split('`').next());
    let field = match (path, named) {
        (".", Some(name)) => name.to_owned(),
        (".", None) => String::new(),
        (path, Some(name)) if path.rsplit('.').next() != Some(name) => format!("{path}.{name}"),
        (path, _) => path.to_owned(),
    };
    let readable = message
        .replace('`', "\"")
        .replacen("unknown variant", "unknown value", 1);
    ApiError::field(&field, readable)
}

#[cfg(test)]
mod tests {
    use shared::api::FieldErrors;

    use super::*;

    fn named(path: &str, message: &str) -> FieldErrors {
        match field_error(path, message) {
            ApiError::Validation(errors) => errors,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_field_is_named_for_a_wrong_value_a_missing_field_and_an_unknown_one() {
        assert_eq!(
            named(
                "status",
                "unknown variant `lost`, expected `received` or `closed` at line 1 column 17"
            ),
            FieldErrors::from([(
                "status".into(),
                vec!["unknown value \"lost\", expected \"received\" or \"closed\"".into()]
            )])
        );
        assert!(named(".", "missing field `email` at line 1 column 2").contains_key("email"));
        assert!(
            named("address", "unknown field `twon`, expected one of …")
                .contains_key("address.twon")
        );
    }
}
