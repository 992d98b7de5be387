// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract PhishableWallet {
    address public owner;

    constructor() { owner = msg.sender; }

    function transferTo(address payable dest, uint256 amount) external {
        require(tx.origin == owner, "not owner"); // @vulnerable: access_control
        dest.transfer(amount);
    }

    receive() external payable {}
}
