// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Payout {
    receive() external payable {}

    function payTo(address payable to, uint256 amount) external {
        to.transfer(amount); // @vulnerable: access_control
    }
}
