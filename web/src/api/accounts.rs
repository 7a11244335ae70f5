//! Accounts: registering, signing in and out, the session, the account's own details, and
//! staff accounts.

use gloo_net::http::Request;
use shared::api::{
    AccountView, BotCheckChallenge, ChangeEmailRequest, ChangeNameRequest, ChangePasswordRequest,
    CodeSent, ConfirmEmailChangeRequest, PasswordResetCompletion, PasswordResetRequest,
    RegistrationRequest, ResendCodeRequest, SessionCreated, SetTeamsRequest, SignInRequest,
    StaffMember, VerifyCodeRequest,
};

use super::{ApiError, Client, Credentials, get, post, post_no_content, read, send, with_token};
pub async fn bot_check() -> Result<BotCheckChallenge, ApiError> {
    get("/api/v1/bot-check").await
}

pub async fn register(request: &RegistrationRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/registrations", request).await
}

pub async fn verify_registration(request: &VerifyCodeRequest) -> Result<SessionCreated, ApiError> {
    post("/api/v1/registrations/verify", request).await
}

pub async fn resend_registration_code(email: &str) -> Result<CodeSent, ApiError> {
    post(
        "/api/v1/registrations/resend",
        &ResendCodeRequest {
            email: email.to_owned(),
        },
    )
    .await
}

pub async fn start_sign_in(request: &SignInRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/sign-in", request).await
}

pub async fn finish_sign_in(request: &VerifyCodeRequest) -> Result<SessionCreated, ApiError> {
    post("/api/v1/sign-in/verify", request).await
}

pub async fn request_password_reset(request: &PasswordResetRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/password-resets", request).await
}

pub async fn complete_password_reset(request: &PasswordResetCompletion) -> Result<(), ApiError> {
    post_no_content("/api/v1/password-resets/complete", request).await
}

/// Exchanges the HttpOnly refresh cookie for a new access token.
pub async fn refresh_session() -> Result<SessionCreated, ApiError> {
    let request = Request::post("/api/v1/sessions/refresh").build();
    read(send(request).await?).await
}

pub async fn end_session() -> Result<(), ApiError> {
    let response = send(Request::delete("/api/v1/sessions/current").build()).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

impl<C: Credentials> Client<C> {
    pub async fn change_name(&self, request: &ChangeNameRequest) -> Result<AccountView, ApiError> {
        let token = &self.token().await?;
        let request = with_token(Request::patch("/api/v1/account"), token).json(request);
        read(send(request).await?).await
    }

    pub async fn choose_language(
        &self,
        language: shared::language::Language,
    ) -> Result<AccountView, ApiError> {
        let token = &self.token().await?;
        let body = shared::api::ChooseLanguageRequest { language };
        let request = with_token(Request::put("/api/v1/account/language"), token).json(&body);
        read(send(request).await?).await
    }

    pub async fn change_password(&self, request: &ChangePasswordRequest) -> Result<(), ApiError> {
        let token = &self.token().await?;
        let response =
            send(with_token(Request::post("/api/v1/account/password"), token).json(request))
                .await?;
        if response.ok() {
            Ok(())
        } else {
            read::<()>(response).await
        }
    }

    pub async fn change_email(&self, request: &ChangeEmailRequest) -> Result<CodeSent, ApiError> {
        let token = &self.token().await?;
        read(send(with_token(Request::post("/api/v1/account/email"), token).json(request)).await?)
            .await
    }

    pub async fn confirm_email_change(
        &self,
        request: &ConfirmEmailChangeRequest,
    ) -> Result<AccountView, ApiError> {
        let token = &self.token().await?;
        read(
            send(with_token(Request::post("/api/v1/account/email/verify"), token).json(request))
                .await?,
        )
        .await
    }

    pub async fn staff_members(&self) -> Result<Vec<StaffMember>, ApiError> {
        self.get_json("/api/v1/staff-accounts").await
    }

    pub async fn set_staff_teams(
        &self,
        account: &str,
        request: &SetTeamsRequest,
    ) -> Result<StaffMember, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/staff-accounts/{account}/teams");
        read(send(with_token(Request::put(&path), token).json(request)).await?).await
    }

    pub async fn switch_off_staff(&self, account: &str) -> Result<StaffMember, ApiError> {
        self.post_json(
            &format!("/api/v1/staff-accounts/{account}/switch-off"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn create_staff_account(
        &self,
        request: &shared::api::CreateStaffRequest,
    ) -> Result<AccountView, ApiError> {
        self.post_json("/api/v1/staff-accounts", request).await
    }
}
