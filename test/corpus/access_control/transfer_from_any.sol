// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract Router {
    IERC20 public token;

    constructor(IERC20 t) { token = t; }

    function pull(address from, uint256 amount) external {
        require(token.transferFrom(from, msg.sender, amount), "pull"); // @vulnerable: access_control
    }
}
