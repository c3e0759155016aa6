<%@ Application Codebehind="Global.asax.cs" Inherits="LegacyVendorShop.Global" Language="C#" %>
