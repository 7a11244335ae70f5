//! One page of a list: every list endpoint but the integrators' feed answers with a `Page` of its
//! items and the cursor of the next page (the feed's cursor is never absent: `FeedPage`).
//!
//! Each list keeps its own name in the API (`DraftPage`, `AuditPage`, …) through `page!`, which
//! makes the name an alias of `Page` and gives the OpenAPI document a schema under it, so that
//! integrators' generated clients keep the types they had.

use serde::{Deserialize, Serialize};

/// One page of items and where the next begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// What the OpenAPI document says of every page's `next`.
#[cfg(feature = "openapi")]
pub(crate) const NEXT: &str = "Pass as `after` for the next page; absent on the last page.";

/// The schema of a page of `T`, described as `description`.
#[cfg(feature = "openapi")]
pub(crate) fn schema<T: utoipa::ToSchema>(
    description: &str,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
    use utoipa::openapi::{Ref, RefOr};

    let next = ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some(NEXT));
    RefOr::T(
        ObjectBuilder::new()
            .description(Some(description))
            .property(
                "items",
                ArrayBuilder::new().items(RefOr::Ref(Ref::from_schema_name(T::name()))),
            )
            .required("items")
            .property("next", next)
            .into(),
    )
}

/// `page!(/// One page of drafts. DraftPage of DraftSummary)`: the list's name for `Page` of its
/// items, and its schema under that name.
macro_rules! page {
    ($(#[doc = $doc:literal])+ $name:ident of $item:ty) => {
        $(#[doc = $doc])+
        pub type $name = $crate::api::Page<$item>;

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $crate::api::Page<$item> {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schemas(
                schemas: &mut Vec<(
                    String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
                schemas.push((
                    <$item as utoipa::ToSchema>::name().into_owned(),
                    <$item as utoipa::PartialSchema>::schema(),
                ));
                <$item as utoipa::ToSchema>::schemas(schemas);
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $crate::api::Page<$item> {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::api::page::schema::<$item>(concat!($($doc),+).trim())
            }
        }
    };
}
pub(crate) use page;
