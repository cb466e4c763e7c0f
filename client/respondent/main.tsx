import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RespondentApp } from "./respondent-app";
import "./respondent.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RespondentApp />
    </StrictMode>,
  );
}
