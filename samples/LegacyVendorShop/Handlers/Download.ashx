<%@ WebHandler Language="C#" CodeBehind="Download.ashx.cs" Class="LegacyVendorShop.Handlers.Download" %>
